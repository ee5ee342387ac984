package org.xenctl.render.view;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** `define` and `create`: the domain that now exists, and whether it is new or its definition changed. */
public record DefineView(String action, String name, String uuid, boolean created, boolean changed, String state,
                         String message) implements View {

    @Override
    public void writeText(TextOutput out) {
        out.note(message);
    }
}
