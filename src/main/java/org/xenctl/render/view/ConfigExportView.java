package org.xenctl.render.view;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** `config export`: a domain's definition as an xl.cfg file. */
public record ConfigExportView(String name, String uuid, String config) implements View {

    @Override
    public void writeText(TextOutput out) {
        out.writer().print(config);
    }
}
