package org.xenctl.render.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xenctl.render.JsonShaped;
import org.xenctl.render.Table;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * `list`: the chosen columns of each domain, or xl's (plus the UUID) in a table and every field in JSON.
 *
 * @param columns the columns `--columns` named, in its order; empty for the defaults
 */
public record DomainListView(List<DomainRow> domains, List<ListColumn> columns) implements View, JsonShaped {

    @Override
    public void writeText(TextOutput out) {
        List<ListColumn> shown = columns.isEmpty() ? ListColumn.TABLE : columns;
        Table table = new Table();
        shown.forEach(column -> table.column(column.heading(), column.align()));
        for (DomainRow row : domains) {
            Object[] cells = new Object[shown.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = shown.get(i).cell(row);
            }
            table.row(cells);
        }
        out.table(table);
    }

    /** {"domains": [{field: value, …}, …]}, the fields in the columns' order. */
    @Override
    public Map<String, Object> json() {
        List<ListColumn> shown = columns.isEmpty() ? ListColumn.JSON : columns;
        List<Map<String, Object>> objects = new ArrayList<>(domains.size());
        for (DomainRow row : domains) {
            Map<String, Object> object = new LinkedHashMap<>();
            shown.forEach(column -> object.put(column.jsonName(), column.jsonValue(row)));
            objects.add(object);
        }
        return Map.of("domains", objects);
    }
}
