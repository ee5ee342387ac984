package org.xenctl.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * The controlling terminal in raw mode while an interactive console runs (every key goes to the guest, Ctrl-C and
 * Ctrl-Z included, nothing echoed twice), and as it was again afterwards: on close, and from a shutdown hook when
 * the process is ended by a signal. Through stty(1) on /dev/tty, which saves and restores the whole termios state
 * ("stty -g"); a JVM cannot call tcsetattr itself, and the three calls are all this needs of a terminal library.
 */
final class RawTerminal implements AutoCloseable {
    private static final File TTY = new File("/dev/tty");

    private final String saved;
    private final Thread restoreOnExit;
    private boolean restored;

    private RawTerminal(String saved) {
        this.saved = saved;
        this.restoreOnExit = new Thread(this::restore, "restore-terminal");
    }

    static RawTerminal enter() {
        String saved = stty("-g").strip();
        RawTerminal terminal = new RawTerminal(saved);
        Runtime.getRuntime().addShutdownHook(terminal.restoreOnExit);
        stty("raw", "-echo");
        return terminal;
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(restoreOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway, and restores nothing twice
        }
    }

    private synchronized void restore() {
        if (!restored) {
            restored = true;
            stty(saved);
        }
    }

    private static String stty(String... settings) {
        String[] command = new String[settings.length + 1];
        command[0] = "stty";
        System.arraycopy(settings, 0, command, 1, settings.length);
        try {
            Process process = new ProcessBuilder(command).redirectInput(TTY)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new XenctlException(ErrorCode.OPERATION_FAILED, "cannot set the terminal (stty "
                        + String.join(" ", settings) + ")", null);
            }
            return out;
        } catch (IOException e) {
            throw new XenctlException(ErrorCode.OPERATION_FAILED, "cannot set the terminal: " + e.getMessage(),
                    "an interactive console needs a terminal and stty (coreutils); --log reads without one");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XenctlException(ErrorCode.INTERRUPTED, "interrupted");
        }
    }
}
