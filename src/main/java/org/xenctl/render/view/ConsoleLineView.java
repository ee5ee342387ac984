package org.xenctl.render.view;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** One line a guest printed on its console (console --log -o json). */
public record ConsoleLineView(String domain, String line) implements View {

    @Override
    public void writeText(TextOutput out) {
        out.verbatim(line);  // the guest's own output, as xl console passes it on
    }
}
