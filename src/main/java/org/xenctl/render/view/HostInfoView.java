package org.xenctl.render.view;

import java.util.List;

import org.xenctl.domain.HostInfo;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** host-info: xl info's "key : value" lines for what libvirt tells, and the same facts as JSON. */
public record HostInfoView(String host, String hypervisor, String libvirt, String scheduler, String cpuModel,
                           int cpus, int cpuMhz, int numaNodes, int sockets, int coresPerSocket, int threadsPerCore,
                           long totalMemoryKib, Long freeMemoryKib, List<String> guestTypes, List<String> features,
                           List<HostInfo.Node> nodes) implements View {

    public static HostInfoView of(HostInfo info) {
        return new HostInfoView(info.hostname(), info.hypervisor(), info.libvirt(), info.scheduler(), info.cpuModel(),
                info.cpus(), info.cpuMhz(), info.numaNodes(), info.sockets(), info.coresPerSocket(),
                info.threadsPerCore(), info.totalMemoryKiB(), info.freeMemoryKiB(), info.guestTypes(),
                info.features(), info.nodes());
    }

    @Override
    public void writeText(TextOutput out) {
        line(out, "host", host);
        line(out, "hypervisor", hypervisor);
        line(out, "libvirt", libvirt);
        line(out, "xen_scheduler", scheduler == null ? "-" : scheduler);
        line(out, "cpu_model", cpuModel);
        line(out, "nr_cpus", String.valueOf(cpus));
        line(out, "nr_nodes", String.valueOf(numaNodes));
        line(out, "sockets", String.valueOf(sockets));
        line(out, "cores_per_socket", String.valueOf(coresPerSocket));
        line(out, "threads_per_core", String.valueOf(threadsPerCore));
        line(out, "cpu_mhz", String.valueOf(cpuMhz));
        line(out, "virt_caps", String.join(" ", concat(guestTypes, features)));
        line(out, "total_memory", String.valueOf(totalMemoryKib / 1024));
        line(out, "free_memory", freeMemoryKib == null ? "?" : String.valueOf(freeMemoryKib / 1024));
        for (HostInfo.Node node : nodes) {
            line(out, "node" + node.id(), "memory " + node.memoryKib() / 1024 + " MiB, free "
                    + (node.freeKib() == null ? "?" : node.freeKib() / 1024 + " MiB") + ", cpus " + node.cpus());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static void line(TextOutput out, String key, String value) {
        out.line(String.format("%-22s : %s", key, value));
    }
}
