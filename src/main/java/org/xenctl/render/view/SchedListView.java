package org.xenctl.render.view;

import java.util.List;

import org.xenctl.render.Table;
import org.xenctl.render.Table.Align;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** sched-credit and sched-credit2 without a change: xl's columns (Name, ID, Weight, Cap), one row per domain. */
public record SchedListView(String scheduler, List<Row> domains) implements View {

    /** @param cap in percent of one CPU, 0 for none */
    public record Row(String name, int id, int weight, int cap) { }

    @Override
    public void writeText(TextOutput out) {
        Table table = new Table()
                .column("Name", Align.LEFT)
                .column("ID", Align.RIGHT)
                .column("Weight", Align.RIGHT)
                .column("Cap", Align.RIGHT);
        for (Row row : domains) {
            table.row(row.name(), row.id(), row.weight(), row.cap());
        }
        out.table(table);
    }
}
