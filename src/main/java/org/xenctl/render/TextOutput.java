package org.xenctl.render;

import java.io.PrintWriter;

/**
 * Where a view writes its text form, with the user's choices about headers and chatter. Lines and table cells are
 * shown {@link Printable}: they carry names and messages from outside xenctl.
 */
public record TextOutput(PrintWriter writer, boolean headers, boolean quiet) {

    public void line(String text) {
        writer.println(Printable.of(text));
    }

    /** A line that -q suppresses: confirmations, not results. */
    public void note(String text) {
        if (!quiet) {
            writer.println(Printable.of(text));
        }
    }

    /** A line as it came, for what the user asked to see unchanged: a guest's console. */
    public void verbatim(String text) {
        writer.println(text);
    }

    public void table(Table table) {
        table.write(writer, headers);
    }
}
