package org.xenctl.render.view;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** The last line of `events`: how many were printed and why it stopped ("count" reached or "timeout"). */
public record EventsEndView(int events, String ended) implements View {

    @Override
    public void writeText(TextOutput out) {
        out.note(events + (events == 1 ? " event" : " events") + ", " + (ended.equals("count") ? "count reached"
                : "timeout"));
    }
}
