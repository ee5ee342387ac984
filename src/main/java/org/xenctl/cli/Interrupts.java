package org.xenctl.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C while waiting stops the wait and leaves the domain as it is: SIGINT interrupts the main thread, whose wait
 * ends with INTERRUPTED (exit 130) and never goes on to a forced destroy. A command stuck elsewhere is ended by a
 * second Ctrl-C.
 */
final class Interrupts {
    private Interrupts() {
    }

    static void install(Thread main) {
        try {
            Signal.handle(new Signal("INT"), new Handler(main));
        } catch (IllegalArgumentException e) {
            // No SIGINT on this platform (or the JVM reserved it): the default behaviour stays.
        }
    }

    /** A class, not a lambda: the process's first lambda costs milliseconds that the main thread should not pay here. */
    private static final class Handler implements SignalHandler {
        private final Thread main;
        private boolean pressed;

        Handler(Thread main) {
            this.main = main;
        }

        @Override
        public void handle(Signal signal) {
            if (pressed) {
                Runtime.getRuntime().halt(ExitStatus.INTERRUPTED);
            }
            pressed = true;
            main.interrupt();
        }
    }
}
