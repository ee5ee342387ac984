package org.xenctl.render.view;

import java.util.List;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** `config convert` and `create --dry-run`: the libvirt XML an xl.cfg file becomes, and the warnings. */
public record ConfigXmlView(String file, String name, String xml, List<ProblemView> warnings) implements View {

    @Override
    public void writeText(TextOutput out) {
        out.writer().print(xml);
    }
}
