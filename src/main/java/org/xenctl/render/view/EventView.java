package org.xenctl.render.view;

import org.xenctl.domain.LifecycleEvent;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** One lifecycle event: a line of text, or one JSON object per line under -o json. */
public record EventView(String time, String name, String uuid, int id, String event, String detail) implements View {

    public static EventView of(LifecycleEvent e) {
        return new EventView(e.time(), e.name(), e.uuid(), e.id(), e.event(), e.detail());
    }

    @Override
    public void writeText(TextOutput out) {
        out.line(time + " " + name + " " + event + (detail == null ? "" : " " + detail));
    }
}
