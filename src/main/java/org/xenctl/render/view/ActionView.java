package org.xenctl.render.view;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * The result of a verb on one domain. {@code changed} is false when the domain already was as asked; {@code forced}
 * is true when a shutdown ran out of time and ended in destroy.
 */
public record ActionView(String action, String name, String uuid, boolean changed, String state, boolean forced,
                         String message) implements View {

    @Override
    public void writeText(TextOutput out) {
        out.note(message);
    }
}
