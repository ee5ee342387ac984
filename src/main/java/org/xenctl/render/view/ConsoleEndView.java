package org.xenctl.render.view;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * How a console session ended: {@code ended} is "escape" (the escape key), "closed" (the domain stopped or another
 * session took the console), "timeout" (--log ran its time) or "matched" (--expect saw its text).
 */
public record ConsoleEndView(String domain, String ended, String expected, double seconds, String message)
        implements View {

    @Override
    public void writeText(TextOutput out) {
        if (message != null) {
            out.note(message);
        }
    }
}
