package org.xenctl.render.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xenctl.render.JsonShaped;
import org.xenctl.render.TextOutput;

/**
 * The last line of `events` over several hosts: how many events were printed in all, why it stopped, and whether
 * each host was listened to until then (a host lost on the way was said when it was).
 */
public record FleetEventsEndView(int events, String ended, List<Host<Void>> hosts) implements FleetView, JsonShaped {

    @Override
    public void writeText(TextOutput out) {
        long listened = hosts.stream().filter(Host::answered).count();
        out.note(events + (events == 1 ? " event" : " events") + ", " + (ended.equals("count") ? "count reached"
                : "timeout") + " (" + listened + " of " + hosts.size() + " hosts listened to until then)");
    }

    /** {"events", "ended", "hosts": [{"uri", "answered", "error"?}, …]}. */
    @Override
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("events", events);
        json.put("ended", ended);
        json.put("hosts", FleetView.hostsJson(hosts, null, none -> null));
        return json;
    }
}
