package org.xenctl.libvirt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * A syslog daemon's socket for tests: a Unix datagram socket bound at a path, from which the test reads what xenctl
 * sent (Java has no Unix datagram sockets, hence JNA, in the one package that may use it).
 */
public final class SyslogReceiver implements AutoCloseable {
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int EAGAIN = 11;

    static {
        Native.register(SyslogReceiver.class, Platform.C_LIBRARY_NAME);
    }

    private final int fd;
    private final byte[] address;

    private SyslogReceiver(int fd, byte[] address) {
        this.fd = fd;
        this.address = address;
    }

    private static native int socket(int domain, int type, int protocol) throws LastErrorException;

    private static native int bind(int fd, byte[] address, int length) throws LastErrorException;

    private static native long recv(int fd, byte[] buffer, long length, int flags) throws LastErrorException;

    private static native long sendto(int fd, byte[] buffer, long length, int flags, byte[] address, int addressLength)
            throws LastErrorException;

    private static native int close(int fd);

    /** A socket listening at {@code path}, as /dev/log is. */
    public static SyslogReceiver bind(Path path) {
        ByteBuffer address = ByteBuffer.allocate(110).order(ByteOrder.nativeOrder());
        address.putShort((short) AF_UNIX).put(path.toString().getBytes(StandardCharsets.UTF_8));
        int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
        bind(fd, address.array(), 110);
        return new SyslogReceiver(fd, address.array());
    }

    /** Every datagram received and not read yet, in order. */
    public List<String> received() {
        List<String> datagrams = new ArrayList<>();
        byte[] buffer = new byte[65536];
        while (true) {
            long length;
            try {
                length = recv(fd, buffer, buffer.length, MSG_DONTWAIT);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EAGAIN) {
                    return datagrams;
                }
                throw e;
            }
            datagrams.add(new String(Arrays.copyOf(buffer, (int) length), StandardCharsets.UTF_8));
        }
    }

    /** Fills the socket's queue as a stopped daemon leaves it: a sender then gets EAGAIN. Returns how many it took. */
    public int fill() {
        byte[] filler = "<13>filler: x".getBytes(StandardCharsets.UTF_8);
        int sent = 0;
        int sender = socket(AF_UNIX, SOCK_DGRAM, 0);
        try {
            while (true) {
                sendto(sender, filler, filler.length, MSG_DONTWAIT, address, address.length);
                sent++;
            }
        } catch (LastErrorException e) {
            if (e.getErrorCode() != EAGAIN) {
                throw e;
            }
            return sent;
        } finally {
            close(sender);
        }
    }

    @Override
    public void close() {
        close(fd);
    }
}
