package org.xenctl.render.view;

import java.util.List;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** The result of a verb on several domains (`shutdown --all`), one entry each, in the order they were handled. */
public record ActionListView(String action, List<ActionView> results) implements View {

    @Override
    public void writeText(TextOutput out) {
        if (results.isEmpty()) {
            out.note("No running domain to " + action + ".");
        }
        results.forEach(result -> result.writeText(out));
    }
}
