package org.xenctl.render.view;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** The last line of stats: how many intervals were printed. */
public record StatsEndView(int intervals) implements View {

    @Override
    public void writeText(TextOutput out) {
        out.note(intervals + (intervals == 1 ? " interval" : " intervals"));
    }
}
