package org.xenctl.render.view;

import java.util.List;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * `define` and `create`: the domain that now exists, whether it is new or its definition changed, and the warnings
 * about an xl.cfg file (empty for XML).
 */
public record DefineView(String action, String name, String uuid, boolean created, boolean changed, String state,
                         List<ProblemView> warnings, String message) implements View {

    @Override
    public void writeText(TextOutput out) {
        out.note(message);
    }
}
