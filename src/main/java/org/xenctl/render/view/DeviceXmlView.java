package org.xenctl.render.view;

import java.util.List;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** network-attach and block-attach --dry-run: the device XML libvirt would be given, and the warnings. */
public record DeviceXmlView(String domain, String device, String xml, List<ProblemView> warnings) implements View {

    @Override
    public void writeText(TextOutput out) {
        out.writer().print(xml);
    }
}
