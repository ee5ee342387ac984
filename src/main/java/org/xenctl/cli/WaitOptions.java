package org.xenctl.cli;

import java.time.Duration;

/**
 * --wait and --timeout, declared once for every verb that waits: shutdown and reboot wait when asked (-w, or a
 * timeout, which implies it); destroy, wait and events always wait and take only the timeout.
 */
final class WaitOptions implements Declaration.SharedOptions {
    private final String until;
    private final String timeoutHelp;
    private boolean wait;
    private Duration timeout;

    private WaitOptions(String until, String timeoutHelp) {
        this.until = until;
        this.timeoutHelp = timeoutHelp;
    }

    /** -w/--wait "return only once {@code until}", and -t/--timeout S, which implies it. */
    static WaitOptions whenAsked(String until) {
        return new WaitOptions(until, "wait at most S seconds (implies --wait); exit 4 when the time is up");
    }

    /** -t/--timeout S alone, for a verb that always waits; {@code help} says what the limit does there. */
    static WaitOptions always(String help) {
        return new WaitOptions(null, help);
    }

    @Override
    public void declareOn(Declaration declaration) {
        if (until != null) {
            declaration.flag("-w|--wait", "return only once " + until, v -> wait = v);
        }
        declaration.option("-t|--timeout", "S", Duration.class, new Seconds(), timeoutHelp, v -> timeout = v);
    }

    /** Whether the verb should wait: --wait or a timeout given. */
    boolean waiting() {
        return wait || timeout != null;
    }

    /** The limit given, or null: the verb's default (for ever, or its own). */
    Duration timeout() {
        return timeout;
    }
}
