package org.xenctl.render.view;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** One line a guest printed on its console (console --log -o json). */
public record ConsoleLineView(String domain, String line) implements View {

    @Override
    public void writeText(TextOutput out) {
        out.line(line);
    }
}
