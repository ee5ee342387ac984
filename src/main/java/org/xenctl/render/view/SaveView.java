package org.xenctl.render.view;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** What save wrote: the file on the host and its size (null when xenctl is not on that host to read it). */
public record SaveView(String domain, String file, Long bytes, boolean changed, String message) implements View {

    @Override
    public void writeText(TextOutput out) {
        out.note(message);
    }
}
