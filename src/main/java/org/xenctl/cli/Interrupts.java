package org.xenctl.cli;

import sun.misc.Signal;

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
            boolean[] pressed = {false};
            Signal.handle(new Signal("INT"), signal -> {
                if (pressed[0]) {
                    Runtime.getRuntime().halt(ExitStatus.INTERRUPTED);
                }
                pressed[0] = true;
                main.interrupt();
            });
        } catch (IllegalArgumentException e) {
            // No SIGINT on this platform (or the JVM reserved it): the default behaviour stays.
        }
    }
}
