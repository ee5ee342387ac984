package org.xenctl.host.pci;

import java.io.IOException;
import java.nio.file.Path;

/** The one way the binder changes the host: a write to a sysfs file (a test substitutes a simulated kernel). */
public interface SysfsWriter {
    void write(Path file, String value) throws IOException;

    /** The real one: each write is one write(2), as the kernel wants for sysfs attributes. */
    SysfsWriter KERNEL = new Kernel();

    /** The kernel's sysfs: one write of the value. (A class, not a lambda: every process makes a context.) */
    final class Kernel implements SysfsWriter {
        private Kernel() {
        }

        @Override
        public void write(java.nio.file.Path file, String value) throws java.io.IOException {
            try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(value.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            }
        }
    }
}
