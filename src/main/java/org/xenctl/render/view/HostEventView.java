package org.xenctl.render.view;

import java.util.LinkedHashMap;
import java.util.Map;

import org.xenctl.render.JsonShaped;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** One lifecycle event of one host of several: the host first, then the event as `events` prints it. */
public record HostEventView(String host, EventView event) implements View, JsonShaped {

    @Override
    public void writeText(TextOutput out) {
        out.line(host + " " + event.time() + " " + event.name() + " " + event.event()
                + (event.detail() == null ? "" : " " + event.detail()));
    }

    @Override
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("host", host);
        json.put("time", event.time());
        json.put("name", event.name());
        json.put("uuid", event.uuid());
        json.put("id", event.id());
        json.put("event", event.event());
        json.put("detail", event.detail());
        return json;
    }
}
