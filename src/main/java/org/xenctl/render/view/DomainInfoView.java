package org.xenctl.render.view;

import java.util.List;

import org.xenctl.render.SecondsFormat;
import org.xenctl.render.Table;
import org.xenctl.render.Table.Align;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** `info`: the list fields plus how the domain is defined and its devices. */
public record DomainInfoView(Integer id, String name, String uuid, String state, String reason, long memoryKib,
                             long maxMemoryKib, int vcpus, long cpuTimeNs, String osType, String guestType,
                             boolean persistent, boolean autostart, Devices devices, Scheduler scheduler,
                             List<VcpuSlot> vcpuPlacement) implements View {

    /** The running domain's scheduler and share (null when it is not running, or libvirt cannot say). */
    public record Scheduler(String name, Integer weight, Integer cap) { }

    /** Where a vCPU runs and may run; cpu and state null for a domain that is not running. */
    public record VcpuSlot(int vcpu, Integer cpu, String state, String affinity) { }

    /** Devices, by kind. */
    public record Devices(List<Disk> disks, List<Nic> nics, List<Pci> pci) { }

    public record Disk(String target, String bus, String device, String source, boolean readonly) { }

    public record Nic(String mac, String type, String source, String model, String ifname) { }

    public record Pci(String address, boolean managed) { }

    @Override
    public void writeText(TextOutput out) {
        Table fields = new Table().column("Field", Align.LEFT).column("Value", Align.LEFT);
        fields.row("Name:", name);
        fields.row("ID:", id);
        fields.row("UUID:", uuid);
        fields.row("State:", state + " (" + reason + ")");
        fields.row("Type:", guestType + " (os type " + osType + ")");
        fields.row("Memory:", memoryKib / 1024 + " MiB (max " + maxMemoryKib / 1024 + " MiB)");
        fields.row("VCPUs:", vcpus);
        fields.row("CPU time:", SecondsFormat.ofNanos(cpuTimeNs) + " s");
        if (scheduler != null) {
            fields.row("Scheduler:", scheduler.name() + share(scheduler));
        }
        fields.row("Persistent:", persistent ? "yes" : "no");
        fields.row("Autostart:", autostart ? "yes" : "no");
        fields.row("Devices:", devices.disks().size() + " disk(s), " + devices.nics().size() + " nic(s), "
                + devices.pci().size() + " pci");
        fields.write(out.writer(), false);
        for (Disk disk : devices.disks()) {
            out.line("  disk " + disk.target() + " (" + disk.device() + ", " + orDash(disk.bus()) + ") "
                    + orDash(disk.source()) + (disk.readonly() ? " ro" : ""));
        }
        for (Nic nic : devices.nics()) {
            out.line("  nic  " + orDash(nic.mac()) + " " + nic.type() + " " + orDash(nic.source())
                    + (nic.model().isEmpty() ? "" : " model " + nic.model()));
        }
        for (Pci pci : devices.pci()) {
            out.line("  pci  " + pci.address() + (pci.managed() ? " managed" : ""));
        }
        if (!vcpuPlacement.isEmpty()) {
            out.line("VCPU placement:");
            for (VcpuSlot slot : vcpuPlacement) {
                out.line("  vcpu " + slot.vcpu() + (slot.cpu() == null ? "" : " on CPU " + slot.cpu())
                        + (slot.state() == null ? "" : ", " + slot.state()) + ", affinity " + slot.affinity());
            }
        }
    }

    private static String share(Scheduler scheduler) {
        List<String> parts = new java.util.ArrayList<>();
        if (scheduler.weight() != null) {
            parts.add("weight " + scheduler.weight());
        }
        if (scheduler.cap() != null) {
            parts.add("cap " + (scheduler.cap() == 0 ? "none" : scheduler.cap() + "%"));
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static String orDash(String text) {
        return text == null || text.isEmpty() ? "-" : text;
    }
}
