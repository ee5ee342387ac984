package org.xenctl.render.view;

import java.util.List;

import org.xenctl.render.SecondsFormat;
import org.xenctl.render.Table;
import org.xenctl.render.Table.Align;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * vcpu-list: xl's columns (Name, ID, VCPU, CPU, State, Time(s), Affinity), one row per vCPU; the state in words,
 * the hard affinity only (libvirt does not report Xen's soft affinity).
 */
public record VcpuListView(List<Vcpu> vcpus) implements View {

    /**
     * @param id       null when the domain is not running
     * @param source   live (the running domain) or config (its definition)
     * @param cpu      the host CPU it runs on now, or null
     * @param state    running, blocked, offline; null for a definition
     * @param nanos    its CPU time in nanoseconds, or null for a definition
     * @param affinity the host CPUs it may run on: "all" or ranges
     */
    public record Vcpu(String domain, Integer id, String source, int vcpu, Integer cpu, String state,
                       Long nanos, String affinity) { }

    @Override
    public void writeText(TextOutput out) {
        Table table = new Table()
                .column("Name", Align.LEFT)
                .column("ID", Align.RIGHT)
                .column("VCPU", Align.RIGHT)
                .column("CPU", Align.RIGHT)
                .column("State", Align.LEFT)
                .column("Time(s)", Align.RIGHT)
                .column("Affinity", Align.LEFT);
        for (Vcpu v : vcpus) {
            table.row(v.domain(), v.id(), v.vcpu(), v.cpu(), v.state(),
                    v.nanos() == null ? null : SecondsFormat.ofNanos(v.nanos()), v.affinity());
        }
        out.table(table);
    }
}
