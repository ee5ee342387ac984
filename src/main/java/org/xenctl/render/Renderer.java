package org.xenctl.render;

import java.io.PrintWriter;

/** Prints a view in the chosen form. */
public record Renderer(OutputFormat format, boolean headers, boolean quiet) {

    public void render(View view, PrintWriter out) {
        if (format == OutputFormat.JSON) {
            out.println(Json.pretty(view));
        } else {
            view.writeText(new TextOutput(out, headers, quiet));
        }
        out.flush();
    }
}
