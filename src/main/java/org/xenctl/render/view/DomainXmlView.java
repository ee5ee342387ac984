package org.xenctl.render.view;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** `dumpxml`: the XML as libvirt gives it; in JSON, as a string beside the identity. */
public record DomainXmlView(String name, String uuid, boolean inactive, String xml) implements View {

    @Override
    public void writeText(TextOutput out) {
        out.writer().print(xml.endsWith("\n") ? xml : xml + "\n");
    }
}
