package org.xenctl.render.view;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** `domid` and `domname`: the text form is the one value asked for, the JSON form the whole identity. */
public record DomainIdentityView(Integer id, String name, String uuid, @com.fasterxml.jackson.annotation.JsonIgnore
                                 boolean showName) implements View {

    @Override
    public void writeText(TextOutput out) {
        out.line(showName ? name : id == null ? "-" : id.toString());
    }
}
