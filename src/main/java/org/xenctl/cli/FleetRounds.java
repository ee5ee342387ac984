package org.xenctl.cli;

import java.util.List;

import org.xenctl.render.View;

/**
 * A verb that asks several hosts again and again over one session each (stats over -c given several times or
 * -H GROUP): it opens them with {@link FleetSessions} and merges every round's answers itself, so that each round is
 * one table and every host is asked the same number of times.
 */
interface FleetRounds {
    /** The verb run over the hosts {@code uris} names, in that order. */
    View executeOnAll(List<String> uris);
}
