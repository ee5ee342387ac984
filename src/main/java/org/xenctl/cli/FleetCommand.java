package org.xenctl.cli;

import java.util.List;

import org.xenctl.domain.XenctlException;
import org.xenctl.render.View;

/**
 * A verb that reads from several hosts at once (-c given several times, or -H GROUP): {@link FleetRun} runs its
 * {@link HypervisorCommand#execute} on every host concurrently, and the verb merges the answers into one view.
 * Its execute must therefore only read the command's options, never keep state of its own.
 */
interface FleetCommand {

    /**
     * What one host answered: its view, or why it did not. A streaming verb's host that was stopped because another
     * ended the stream (--count reached there) answered with no view.
     */
    record HostAnswer(String uri, View view, XenctlException failure) {
        boolean answered() {
            return failure == null;
        }
    }

    /** What the verb answers on one host of several, reached by {@code uri} (its execute, most often). */
    View executeOn(Session session, String uri);

    /** One view of every host's answer, in the order the hosts were named. */
    View merge(List<HostAnswer> answers);
}
