package org.xenctl.render;

import java.io.PrintWriter;

/** Prints a view in the chosen form. */
public record Renderer(OutputFormat format, boolean headers, boolean quiet) {

    public void render(View view, PrintWriter out) {
        print(view, out, false);
    }

    /** For streams (events): one JSON object per line, flushed, so a reader can act on each as it comes. */
    public void renderLine(View view, PrintWriter out) {
        print(view, out, true);
    }

    private void print(View view, PrintWriter out, boolean line) {
        if (format == OutputFormat.JSON) {
            out.println(line ? Json.line(view) : Json.pretty(view));
        } else {
            view.writeText(new TextOutput(out, headers, quiet));
        }
        out.flush();
    }
}
