package org.xenctl.render.view;

import java.util.List;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** `config check` of a usable file: its domain's name and the warnings (errors end the command with status 5). */
public record ConfigCheckView(String file, String name, boolean valid, List<ProblemView> warnings) implements View {

    @Override
    public void writeText(TextOutput out) {
        out.note(file + ": valid" + (warnings.isEmpty() ? "" : ", " + warnings.size() + " warning"
                + (warnings.size() == 1 ? "" : "s")) + ".");
    }
}
