package org.xenctl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * Reads the files users name on the command line (xl.cfg, domain XML), with errors that say which file and why: a
 * file that is not a regular one (a FIFO, a device such as /dev/zero) or is larger than any configuration is refused
 * before it is read, and text that is not UTF-8 is refused at its first bad byte, with its line and column. A batch
 * of commands may come from a pipe (standard input, {@code <(…)}): it is read up to a bound instead.
 */
final class InputFiles {
    /** Far more than any xl.cfg or domain XML (xl's own examples are a few kB). */
    static final int MAX_BYTES = 1024 * 1024;
    /** Far more than any batch of commands (ten thousand lines are ~300 kB); /dev/zero once filled the heap. */
    static final int MAX_BATCH_BYTES = 16 * 1024 * 1024;

    private InputFiles() {
    }

    static String read(Path file) {
        if (file.toString().isEmpty()) {
            // Path.of("") is the working directory, which was then " is not a regular file".
            throw new XenctlException(ErrorCode.USAGE, "the file name is empty",
                    "name an xl.cfg file or libvirt domain XML");
        }
        byte[] bytes;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new XenctlException(ErrorCode.INVALID_CONFIG, file + " is not a regular file",
                        "give an xl.cfg file or libvirt domain XML");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new XenctlException(ErrorCode.FILE_NOT_FOUND, "cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new XenctlException(ErrorCode.FILE_NOT_FOUND, "cannot read " + file + ": " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new XenctlException(ErrorCode.INVALID_CONFIG, file + " is larger than " + MAX_BYTES / 1024
                    + " KiB: not a configuration file", "give an xl.cfg file or libvirt domain XML");
        }
        return utf8(file.toString(), bytes);
    }

    /** A batch's commands from {@code in}, named {@code name} in messages: at most {@link #MAX_BATCH_BYTES}, UTF-8. */
    static String readBatch(String name, InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BATCH_BYTES + 1);
        } catch (IOException e) {
            throw new XenctlException(ErrorCode.FILE_NOT_FOUND, "cannot read " + name + ": " + e.getMessage());
        }
        if (bytes.length > MAX_BATCH_BYTES) {
            throw new XenctlException(ErrorCode.INVALID_CONFIG, name + " is larger than " + MAX_BATCH_BYTES
                    / (1024 * 1024) + " MiB: not a batch of commands", "split it, or give a file of xenctl commands");
        }
        return utf8(name, bytes);
    }

    private static String utf8(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notUtf8(file, bytes, in.position());
        }
        return out.flip().toString();
    }

    /** Where the first byte that is not UTF-8 is: its line, and its column counted in characters as an editor would. */
    private static XenctlException notUtf8(String file, byte[] bytes, int bad) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column;
        try {
            column = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, lineStart, bad - lineStart))
                    .length() + 1;
        } catch (CharacterCodingException e) {
            column = bad - lineStart + 1;
        }
        return new XenctlException(ErrorCode.INVALID_CONFIG, String.format("%s:%d:%d: the file is not UTF-8 text "
                + "(byte 0x%02x)", file, line, column, bytes[bad] & 0xff), "convert it, e.g. iconv -f latin1 -t utf-8");
    }
}
