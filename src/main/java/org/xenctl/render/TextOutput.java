package org.xenctl.render;

import java.io.PrintWriter;

/** Where a view writes its text form, with the user's choices about headers and chatter. */
public record TextOutput(PrintWriter writer, boolean headers, boolean quiet) {

    public void line(String text) {
        writer.println(text);
    }

    /** A line that -q suppresses: confirmations, not results. */
    public void note(String text) {
        if (!quiet) {
            writer.println(text);
        }
    }

    public void table(Table table) {
        table.write(writer, headers);
    }
}
