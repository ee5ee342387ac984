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
 * `list` over several hosts: every host's domains in one table with the host first, and in JSON each domain with its
 * {@code host}, plus {@code hosts}: whether each answered, how many domains it has, or its error.
 *
 * @param hosts   every host in the order named
 * @param columns as for one host: empty for the defaults
 */
public record FleetListView(List<Host> hosts, List<ListColumn> columns) implements View, JsonShaped {

    /**
     * One host's answer.
     *
     * @param uri     the URI it was reached by
     * @param domains its domains, empty when it did not answer
     * @param error   why it did not answer, or null
     */
    public record Host(String uri, List<DomainRow> domains, ErrorView.Body error) {
        public boolean answered() {
            return error == null;
        }
    }

    /** Some hosts answered and some did not: the answer is partial. */
    public boolean partial() {
        return hosts.stream().anyMatch(Host::answered) && hosts.stream().anyMatch(host -> !host.answered());
    }

    public boolean noneAnswered() {
        return hosts.stream().noneMatch(Host::answered);
    }

    @Override
    public void writeText(TextOutput out) {
        List<ListColumn> shown = columns.isEmpty() ? ListColumn.TABLE : columns;
        Table table = new Table();
        table.column("Host", Table.Align.LEFT);
        shown.forEach(column -> table.column(column.heading(), column.align()));
        for (Host host : hosts) {
            for (DomainRow row : host.domains()) {
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
        List<Map<String, Object>> answers = new ArrayList<>(hosts.size());
        for (Host host : hosts) {
            for (DomainRow row : host.domains()) {
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("host", host.uri());
                shown.forEach(column -> object.put(column.jsonName(), column.jsonValue(row)));
                domains.add(object);
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("uri", host.uri());
            answer.put("answered", host.answered());
            if (host.answered()) {
                answer.put("domains", host.domains().size());
            } else {
                answer.put("error", host.error());
            }
            answers.add(answer);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("domains", domains);
        json.put("hosts", answers);
        return json;
    }
}
