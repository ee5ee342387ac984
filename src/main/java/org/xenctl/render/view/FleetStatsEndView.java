package org.xenctl.render.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xenctl.render.JsonShaped;
import org.xenctl.render.TextOutput;

/**
 * The last line of stats over several hosts: how many intervals were printed, and whether each host answered
 * throughout (a host lost on the way was said when it was, and is in no later interval).
 */
public record FleetStatsEndView(int intervals, List<Host<Void>> hosts) implements FleetView, JsonShaped {

    @Override
    public void writeText(TextOutput out) {
        long throughout = hosts.stream().filter(Host::answered).count();
        out.note(intervals + (intervals == 1 ? " interval" : " intervals") + " (" + throughout + " of "
                + hosts.size() + " hosts answered throughout)");
    }

    /** {"intervals", "hosts": [{"uri", "answered", "error"?}, …]}. */
    @Override
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("intervals", intervals);
        json.put("hosts", FleetView.hostsJson(hosts, null, none -> null));
        return json;
    }
}
