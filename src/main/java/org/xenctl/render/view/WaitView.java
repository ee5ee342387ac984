package org.xenctl.render.view;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** What `wait` saw: the domain reached {@code state} ("gone" when it no longer exists) after {@code waitedMs}. */
public record WaitView(String name, String uuid, String state, long waitedMs) implements View {

    @Override
    public void writeText(TextOutput out) {
        out.note("Domain " + name + (state.equals("gone") ? " is gone." : " is " + state + "."));
    }
}
