package org.xenctl.render.view;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * What dump-core wrote: the file on the host and its size (null when xenctl is not on that host to read it), whether
 * the domain ran meanwhile, and its state afterwards ("gone" for a transient domain destroyed by --crash).
 */
public record CoreDumpView(String domain, String file, Long bytes, boolean live, String state, String message)
        implements View {

    @Override
    public void writeText(TextOutput out) {
        out.note(message);
    }
}
