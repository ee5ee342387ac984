package org.xenctl.render.view;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** What sched-credit or sched-credit2 set: the weight and cap the running domain has now. */
public record SchedChangeView(String domain, String scheduler, int weight, int cap, boolean changed, String message)
        implements View {

    @Override
    public void writeText(TextOutput out) {
        out.note(message);
    }
}
