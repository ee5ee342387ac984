package org.xenctl.render.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xenctl.render.Json;
import org.xenctl.render.JsonShaped;
import org.xenctl.render.Table;
import org.xenctl.render.Table.Align;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * One interval of stats: a table of the domains (xentop's columns that libvirt can fill) in text, refreshed in
 * place on a terminal, with each domain's host first over several hosts; under -o json, one object per domain per
 * line ({@link Row}, or {@link HostRow} over several hosts), for scripts and exporters.
 */
public record StatsView(String time, List<HostRow> rows, boolean terminal) implements View {

    /**
     * @param cpuPercent CPU used over the interval, in percent of one CPU (xentop's CPU(%): 200 is two CPUs busy)
     * @param netRxBps   bytes per second; null where libvirt cannot read the counters
     */
    public record Row(String time, String domain, int id, String state, double cpuPercent, long cpuNs,
                      long memoryKib, long maxMemoryKib, int vcpus, Long netRxBps, Long netTxBps, Long blockReadBps,
                      Long blockWriteBps, Long netRxBytes, Long netTxBytes, Long blockReadBytes,
                      Long blockWriteBytes) implements View {

        @Override
        public void writeText(TextOutput out) {
            out.line(domain + " " + String.format("%.1f", cpuPercent));
        }
    }

    /**
     * A domain's row with the host it runs on: what a line of stats over several hosts is.
     *
     * @param host the URI of its host; null over one host, where no line names it
     */
    public record HostRow(String host, Row row) implements View, JsonShaped {

        @Override
        public void writeText(TextOutput out) {
            out.line(host + " " + row.domain() + " " + String.format("%.1f", row.cpuPercent()));
        }

        /** The host first, then the row's fields as one host's line has them. */
        @Override
        public Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("host", host);
            json.putAll(Json.fields(row));
            return json;
        }
    }

    @Override
    public void writeText(TextOutput out) {
        if (terminal) {
            out.writer().print("\u001b[H\u001b[2J");  // home and clear, as top does
        }
        boolean hosts = rows.stream().anyMatch(row -> row.host() != null);
        Table table = new Table();
        if (hosts) {
            table.column("HOST", Align.LEFT);
        }
        table.column("NAME", Align.LEFT)
                .column("ID", Align.RIGHT)
                .column("STATE", Align.LEFT)
                .column("CPU(%)", Align.RIGHT)
                .column("CPU(sec)", Align.RIGHT)
                .column("MEM(k)", Align.RIGHT)
                .column("MAXMEM(k)", Align.RIGHT)
                .column("VCPUS", Align.RIGHT)
                .column("NETRX(B/s)", Align.RIGHT)
                .column("NETTX(B/s)", Align.RIGHT)
                .column("VBD_RD(B/s)", Align.RIGHT)
                .column("VBD_WR(B/s)", Align.RIGHT);
        for (HostRow line : rows) {
            Row row = line.row();
            List<Object> cells = new ArrayList<>(13);
            if (hosts) {
                cells.add(line.host());
            }
            cells.addAll(Arrays.asList(row.domain(), row.id(), row.state(), String.format("%.1f", row.cpuPercent()),
                    row.cpuNs() / 1_000_000_000L, row.memoryKib(), row.maxMemoryKib(), row.vcpus(), row.netRxBps(),
                    row.netTxBps(), row.blockReadBps(), row.blockWriteBps()));
            table.row(cells.toArray());
        }
        out.line(time);
        out.table(table);
        if (!terminal) {
            out.line("");
        }
    }
}
