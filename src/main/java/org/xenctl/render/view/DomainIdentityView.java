package org.xenctl.render.view;

import org.xenctl.render.JsonShaped;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** `domid` and `domname`: the text form is the one value asked for, the JSON form the whole identity. */
public record DomainIdentityView(Integer id, String name, String uuid, boolean showName) implements View, JsonShaped {

    /** The JSON form: the whole identity, whichever value the text shows. */
    public record Identity(Integer id, String name, String uuid) { }

    @Override
    public Identity json() {
        return new Identity(id, name, uuid);
    }

    @Override
    public void writeText(TextOutput out) {
        out.line(showName ? name : id == null ? "-" : id.toString());
    }
}
