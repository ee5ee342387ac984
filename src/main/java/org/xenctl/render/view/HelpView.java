package org.xenctl.render.view;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** help: a verb's usage (or the verbs' list, {@code verb} null), as --help prints it. */
public record HelpView(String verb, String usage) implements View {

    @Override
    public void writeText(TextOutput out) {
        out.writer().print(usage);
    }
}
