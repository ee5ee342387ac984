package org.xenctl.render.view;

import java.util.Map;

import org.xenctl.render.JsonShaped;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * `batch`'s last line: how many commands ran and how they ended; {"summary": {commands, succeeded, failed}} in JSON.
 *
 * @param firstFailure the exit status of the first command that failed (the batch's own), 0 when none did
 */
public record BatchSummaryView(int commands, int succeeded, int failed, int firstFailure)
        implements View, JsonShaped {

    /** The JSON form's body. */
    public record Summary(int commands, int succeeded, int failed) { }

    @Override
    public Map<String, Summary> json() {
        return Map.of("summary", new Summary(commands, succeeded, failed));
    }

    @Override
    public void writeText(TextOutput out) {
        out.note("batch: " + commands + " commands, " + succeeded + " succeeded, " + failed + " failed");
    }
}
