package org.xenctl.render.view;

import java.util.List;

import org.xenctl.host.pci.HostPci;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** What pci-assignable-add or -remove did to each device; {@code changed} is false when it already was so. */
public record PciChangesView(List<Change> devices) implements View {

    /**
     * @param driverBefore its driver before (null: none)
     * @param driverAfter  its driver now (null: none)
     */
    public record Change(String address, boolean changed, String driverBefore, String driverAfter, String name,
                         boolean persistent, String message) { }

    public static PciChangesView of(List<HostPci.Change> changes) {
        return new PciChangesView(changes.stream().map(c -> new Change(c.address().toString(), c.changed(),
                c.driverBefore(), c.driverAfter(), c.name(), c.persistent(), c.message())).toList());
    }

    @Override
    public void writeText(TextOutput out) {
        for (Change change : devices) {
            out.note(change.message());
        }
    }
}
