package org.xenctl.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.xenctl.domain.Console;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.View;
import org.xenctl.render.view.ConsoleEndView;

/** A console session on the terminal: console, create -c and start --console. */
final class InteractiveConsole {
    private static final Duration TURN = Duration.ofMillis(200);

    private InteractiveConsole() {
    }

    /** Refused before anything is done (create -c creates nothing without a terminal). */
    static void requireTerminal(String hint) {
        if (System.console() == null) {
            throw new XenctlException(ErrorCode.USAGE, "an interactive console needs a terminal", hint);
        }
    }

    /**
     * On the terminal: the guest's output copied to it on one thread, the keys typed sent to the guest on this one,
     * until the escape key or the console's end (the domain stopped). The terminal is raw meanwhile, and restored.
     */
    static View run(Invocation invocation, Hypervisor hypervisor, String uuid, String name, ConsoleEscape leave,
            boolean force) {
        long started = System.nanoTime();
        AtomicBoolean over = new AtomicBoolean();
        AtomicBoolean closedByGuest = new AtomicBoolean();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try (Console console = hypervisor.openConsole(uuid, force)) {
            invocation.err().println("Connected to domain " + name);
            invocation.err().println("Escape character is " + leave.shown());
            invocation.err().flush();
            OutputStream screen = new FileOutputStream(FileDescriptor.out);
            Thread output = new Thread(() -> {
                byte[] chunk = new byte[8192];
                try {
                    while (!over.get()) {
                        int read = console.read(chunk, TURN);
                        if (read < 0) {
                            closedByGuest.set(true);
                            break;
                        }
                        screen.write(chunk, 0, read);
                        screen.flush();
                    }
                } catch (IOException e) {
                    failure.compareAndSet(null, new XenctlException(ErrorCode.OPERATION_FAILED, "cannot write to "
                            + "the terminal: " + e.getMessage(), null));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    over.set(true);
                }
            }, "console-output");
            try (RawTerminal raw = RawTerminal.enter()) {
                output.start();
                sendKeys(console, leave, over);
                over.set(true);
                output.join(2000);
            } catch (InterruptedException e) {
                throw new XenctlException(ErrorCode.INTERRUPTED, "interrupted");
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double seconds = Math.round((System.nanoTime() - started) / 1e8) / 10.0;
        return closedByGuest.get()
                ? new ConsoleEndView(name, "closed", null, seconds, "\nThe console of domain " + name + " closed.")
                : new ConsoleEndView(name, "escape", null, seconds, "");
    }

    /** Keys from the terminal to the guest until the escape key, or until the output side has ended. */
    private static void sendKeys(Console console, ConsoleEscape leave, AtomicBoolean over)
            throws InterruptedException {
        InputStream keyboard = new FileInputStream(FileDescriptor.in);
        byte[] typed = new byte[512];
        try {
            while (!over.get()) {
                if (keyboard.available() <= 0) {
                    Thread.sleep(10);  // a blocked read could not notice the console closing
                    continue;
                }
                int read = keyboard.read(typed, 0, Math.min(typed.length, keyboard.available()));
                if (read < 0) {
                    return;
                }
                byte[] keys = leave.before(typed, read);
                console.write(keys, keys.length);
                if (leave.pressedIn(typed, read)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new XenctlException(ErrorCode.OPERATION_FAILED, "cannot read the terminal: " + e.getMessage(), null);
        }
    }
}
