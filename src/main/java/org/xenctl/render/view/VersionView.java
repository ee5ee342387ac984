package org.xenctl.render.view;

import org.xenctl.render.Table;
import org.xenctl.render.Table.Align;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** `version`: xenctl's own version and those of the libvirt and hypervisor it talks to. */
public record VersionView(String xenctl, String uri, String uriSource, String hostname, String hypervisor,
                          String hypervisorVersion, String libvirtLibrary, String libvirtDaemon) implements View {

    @Override
    public void writeText(TextOutput out) {
        Table table = new Table().column("Field", Align.LEFT).column("Value", Align.LEFT);
        table.row("xenctl:", xenctl);
        table.row("URI:", uri + " (from " + uriSource + ")");
        table.row("Host:", hostname);
        table.row("Hypervisor:", hypervisor + (hypervisorVersion == null ? "" : " " + hypervisorVersion));
        table.row("libvirt library:", libvirtLibrary);
        table.row("libvirt daemon:", libvirtDaemon);
        table.write(out.writer(), false);
    }
}
