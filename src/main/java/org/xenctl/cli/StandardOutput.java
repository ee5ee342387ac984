package org.xenctl.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * The process's standard output, which says when it cannot be written. Java's own (System.out, and any PrintWriter)
 * swallows a failed write: on a full disk `xenctl -o json list > state.json` exited 0 with the file empty, and
 * `xenctl stats | head -2` ran for ever after head had gone. A failed write here throws a {@link XenctlException}
 * instead, which ends the command: {@code output-closed} (exit 141, nothing said) when standard output is a pipe or
 * a socket whose reader went away, as a C tool meets SIGPIPE there; {@code output-failed} (exit 1) otherwise.
 */
final class StandardOutput extends OutputStream {
    private final OutputStream target;
    private final Path descriptor;

    StandardOutput(OutputStream target, Path descriptor) {
        this.target = target;
        this.descriptor = descriptor;
    }

    /** File descriptor 1, unbuffered (the writer over it buffers and flushes at each line). */
    static StandardOutput ofProcess() {
        return new StandardOutput(new FileOutputStream(FileDescriptor.out), Path.of("/proc/self/fd/1"));
    }

    @Override
    public void write(int b) {
        try {
            target.write(b);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        try {
            target.write(bytes, offset, length);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void flush() {
        try {
            target.flush();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private XenctlException failure(IOException e) {
        if (readerCanGoAway()) {
            return new XenctlException(ErrorCode.OUTPUT_CLOSED, "the reader of the output went away");
        }
        return new XenctlException(ErrorCode.OUTPUT_FAILED, "cannot write the output: " + e.getMessage(),
                "the results printed so far are incomplete");
    }

    /** Whether the output is a pipe or a socket, where a failed write means that nobody reads any more. */
    private boolean readerCanGoAway() {
        try {
            String link = Files.readSymbolicLink(descriptor).toString();
            return link.startsWith("pipe:") || link.startsWith("socket:");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
