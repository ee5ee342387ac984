package org.xenctl.render.view;

import java.util.List;

import org.xenctl.render.Table;
import org.xenctl.render.Table.Align;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** `list`: xl's columns (Name, ID, Mem, VCPUs, State, Time(s)) plus the UUID. */
public record DomainListView(List<DomainRow> domains) implements View {

    @Override
    public void writeText(TextOutput out) {
        Table table = new Table()
                .column("Name", Align.LEFT)
                .column("ID", Align.RIGHT)
                .column("Mem", Align.RIGHT)
                .column("VCPUs", Align.RIGHT)
                .column("State", Align.LEFT)
                .column("Time(s)", Align.RIGHT)
                .column("UUID", Align.LEFT);
        for (DomainRow d : domains) {
            table.row(d.name(), d.id(), d.memoryMib(), d.vcpus(), d.state(), d.cpuSeconds(), d.uuid());
        }
        out.table(table);
    }
}
