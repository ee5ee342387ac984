package org.xenctl.render.view;

import java.util.List;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * pci-restore: what became of each device xenctl recorded.
 *
 * @param devices one entry per record; {@code action} is bound, unchanged, repaired, forgotten, refused,
 *                not-found or failed
 */
public record PciRestoreView(List<Entry> devices) implements View {

    public record Entry(String address, String action, String detail) { }

    @Override
    public void writeText(TextOutput out) {
        if (devices.isEmpty()) {
            out.note("no device recorded: nothing to restore");
        }
        for (Entry entry : devices) {
            boolean problem = List.of("refused", "not-found", "failed").contains(entry.action());
            String line = entry.address() + ": " + entry.action() + ": " + entry.detail();
            if (problem) {
                out.line(line);
            } else {
                out.note(line);
            }
        }
    }
}
