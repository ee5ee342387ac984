package org.xenctl.render.view;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.render.Table;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * block-list: each domain's disks and CD-ROM drives, as the running domain has them ({@code source} "live") or its
 * definition ("config"): xl's Vdev column, then what libvirt tells instead of xenstore's ring references.
 */
public record BlockListView(List<DomainDisks> domains) implements View {

    public record DomainDisks(String domain, String source, List<Disk> disks) { }

    /** @param target the image or device in the backend; null for an empty CD-ROM drive */
    public record Disk(String vdev, String device, String access, String target, String backend) { }

    @Override
    public void writeText(TextOutput out) {
        boolean several = domains.size() > 1;
        Table table = new Table();
        if (several) {
            table.column("Domain", Table.Align.LEFT);
        }
        table.column("Vdev", Table.Align.LEFT).column("BE", Table.Align.LEFT).column("Type", Table.Align.LEFT)
                .column("Access", Table.Align.LEFT).column("Target", Table.Align.LEFT);
        for (DomainDisks domain : domains) {
            for (Disk disk : domain.disks()) {
                List<Object> row = new ArrayList<>(List.of(disk.vdev(), disk.backend() == null ? "0" : disk.backend(),
                        disk.device(), disk.access(), NetworkListView.dash(disk.target())));
                if (several) {
                    row.add(0, domain.domain());
                }
                table.row(row.toArray());
            }
        }
        table.write(out.writer(), out.headers());
    }
}
