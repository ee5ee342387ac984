package org.xenctl.render.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xenctl.render.JsonShaped;
import org.xenctl.render.Table;
import org.xenctl.render.TextOutput;

/**
 * `list` over several hosts: every host's domains in one table with the host first, and in JSON each domain with its
 * {@code host}, plus {@code hosts}: whether each answered, how many domains it has, or its error.
 *
 * @param hosts   every host in the order named
 * @param columns as for one host: empty for the defaults
 */
public record FleetListView(List<Host<List<DomainRow>>> hosts, List<ListColumn> columns)
        implements FleetView, JsonShaped {

    @Override
    public void writeText(TextOutput out) {
        List<ListColumn> shown = columns.isEmpty() ? ListColumn.TABLE : columns;
        Table table = new Table();
        table.column("Host", Table.Align.LEFT);
        shown.forEach(column -> table.column(column.heading(), column.align()));
        for (Host<List<DomainRow>> host : hosts) {
            for (DomainRow row : host.result()) {
                Object[] cells = new Object[shown.size() + 1];
                cells[0] = host.uri();
                for (int i = 1; i < cells.length; i++) {
                    cells[i] = shown.get(i - 1).cell(row);
                }
                table.row(cells);
            }
        }
        out.table(table);
    }

    /** {"domains": [{"host": URI, field: value, …}, …], "hosts": [{"uri", "answered", "domains" | "error"}, …]}. */
    @Override
    public Map<String, Object> json() {
        List<ListColumn> shown = columns.isEmpty() ? ListColumn.JSON : columns;
        List<Map<String, Object>> domains = new ArrayList<>();
        for (Host<List<DomainRow>> host : hosts) {
            for (DomainRow row : host.result()) {
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("host", host.uri());
                shown.forEach(column -> object.put(column.jsonName(), column.jsonValue(row)));
                domains.add(object);
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("domains", domains);
        json.put("hosts", FleetView.hostsJson(hosts, "domains", List::size));
        return json;
    }
}
