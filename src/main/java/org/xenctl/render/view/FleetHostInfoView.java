package org.xenctl.render.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xenctl.render.JsonShaped;
import org.xenctl.render.Table;
import org.xenctl.render.TextOutput;

/**
 * `host-info` over several hosts: what each has (CPUs, memory, free memory) in one table, and the fleet's totals
 * over the hosts that answered: how much room the pool has left.
 *
 * @param hosts every host in the order named
 */
public record FleetHostInfoView(List<Host<HostInfoView>> hosts) implements FleetView, JsonShaped {

    @Override
    public void writeText(TextOutput out) {
        Table table = new Table()
                .column("Host", Table.Align.LEFT)
                .column("Hostname", Table.Align.LEFT)
                .column("CPUs", Table.Align.RIGHT)
                .column("Memory", Table.Align.RIGHT)
                .column("Free", Table.Align.RIGHT)
                .column("Scheduler", Table.Align.LEFT)
                .column("Hypervisor", Table.Align.LEFT);
        for (Host<HostInfoView> host : hosts) {
            HostInfoView info = host.result();
            if (info == null) {
                table.row(host.uri(), "(no answer)", null, null, null, null, null);
            } else {
                table.row(host.uri(), info.host(), info.cpus(), info.totalMemoryKib() / 1024,
                        info.freeMemoryKib() == null ? "?" : info.freeMemoryKib() / 1024, info.scheduler(),
                        info.hypervisor());
            }
        }
        List<Host<HostInfoView>> answered = hosts.stream().filter(Host::answered).toList();
        table.row("total (" + answered.size() + " of " + hosts.size() + " hosts)", null, cpus(answered),
                memoryKib(answered) / 1024, freeKib(answered) / 1024, null, null);
        out.table(table);
    }

    /** {"hosts": [{"uri", "answered", "info" | "error"}, …], "total": {hosts, cpus, memory_kib, free_memory_kib}}. */
    @Override
    public Map<String, Object> json() {
        List<Host<HostInfoView>> answered = hosts.stream().filter(Host::answered).toList();
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("hosts", answered.size());
        total.put("cpus", cpus(answered));
        total.put("memory_kib", memoryKib(answered));
        total.put("free_memory_kib", freeKib(answered));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("hosts", FleetView.hostsJson(hosts, "info", info -> info));
        json.put("total", total);
        return json;
    }

    private static int cpus(List<Host<HostInfoView>> hosts) {
        return hosts.stream().mapToInt(host -> host.result().cpus()).sum();
    }

    private static long memoryKib(List<Host<HostInfoView>> hosts) {
        return hosts.stream().mapToLong(host -> host.result().totalMemoryKib()).sum();
    }

    /** The free memory of the hosts that tell it (a host that cannot is counted as none free). */
    private static long freeKib(List<Host<HostInfoView>> hosts) {
        return hosts.stream().map(host -> host.result().freeMemoryKib()).filter(java.util.Objects::nonNull)
                .mapToLong(Long::longValue).sum();
    }
}
