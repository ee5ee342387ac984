package org.xenctl.domain.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.xenctl.domain.PciAddress;
import org.xenctl.xlcfg.DiskSpec;
import org.xenctl.xlcfg.DiskSpecParser;
import org.xenctl.xlcfg.NetSpec;
import org.xenctl.xlcfg.NetSpecParser;
import org.xenctl.xlcfg.PciSpec;
import org.xenctl.xlcfg.PciSpecParser;
import org.xenctl.xlcfg.SpecEntries;
import org.xenctl.xlcfg.SpecReport;

/**
 * xl's device settings, for {@link XlDomainReader}: disk=, vif= and pci= (with the pci_* defaults applied per device
 * and rdm=), passthrough=; also one DISK_SPEC or NET_SPEC given alone (block-attach's and network-attach's
 * arguments), read and mapped as an entry of the list would be. What libvirt cannot carry is a warning.
 */
public final class XlDevices {
    /** A guest's disk as libvirt's Xen driver names it: xvd, hd or sd, letters, an optional partition number. */
    private static final Pattern VDEV = Pattern.compile("(xvd|hd|sd)[a-z]+[0-9]*");

    private final ConfigValues values;

    XlDevices(ConfigValues values) {
        this.values = values;
    }

    /**
     * disk=: each entry read, then held against the ones before it: a vdev given twice is refused here, with its
     * place, rather than by libvirt at create; one file or device behind two writable disks is a warning.
     */
    List<Disk> disks() {
        Map<String, String> vdevs = new HashMap<>();
        Map<String, String> writable = new HashMap<>();
        Map<String, String> targets = new HashMap<>();
        return items("disk", (text, report) -> {
            DiskSpec disk = notCarried(DiskSpecParser.parse(text, report), report);
            if (disk == null) {
                return null;
            }
            String first = vdevs.putIfAbsent(disk.vdev(), report.what());
            if (first != null) {
                report.error(0, "vdev " + disk.vdev() + " is " + first + "'s already", "give each disk a vdev of its "
                        + "own (xvda, xvdb…)");
                return null;
            }
            if (disk.target() != null) {
                boolean rw = !disk.access().equals("ro");
                String other = rw ? targets.get(disk.target()) : writable.get(disk.target());
                if (other != null) {
                    report.warning(0, disk.target() + " is " + other + "'s too, and one of them is writable: the "
                            + "guest can corrupt what it sees twice", "give it once, or both read-only (access=ro)");
                }
                targets.putIfAbsent(disk.target(), report.what());
                if (rw) {
                    writable.putIfAbsent(disk.target(), report.what());
                }
            }
            return disk;
        }).stream().map(XlDevices::disk).toList();
    }

    /** vif=: each entry read; a MAC given twice is a warning (xl says nothing; the guest's two interfaces clash). */
    List<Nic> nics() {
        Map<String, String> macs = new HashMap<>();
        return items("vif", (text, report) -> {
            NetSpec nic = notCarried(NetSpecParser.parse(text, report), report);
            if (nic != null && nic.mac() != null) {
                String first = macs.putIfAbsent(nic.mac().toLowerCase(Locale.ROOT), report.what());
                if (first != null) {
                    report.warning(0, "mac " + nic.mac() + " is " + first + "'s too: on one network the two "
                            + "interfaces clash", "give each vif its own mac, or leave mac out (libvirt makes one)");
                }
            }
            return nic;
        }).stream().map(XlDevices::nic).toList();
    }

    private <T> List<T> items(String key, BiFunction<String, SpecReport, T> parser) {
        if (values.list(key).isEmpty()) {
            return List.of();
        }
        return SpecEntries.parse(values.config().entry(key).orElseThrow(), values.compat(), values.problems(), parser);
    }

    /**
     * One DISK_SPEC outside a file (block-attach's argument), read and mapped as a disk=[…] entry is; null when it
     * has errors, which are in {@code report}.
     */
    public static Disk disk(String text, SpecReport report) {
        DiskSpec spec = notCarried(DiskSpecParser.parse(text, report), report);
        return spec == null || report.errorCount() > 0 ? null : disk(spec);
    }

    /** One NET_SPEC outside a file (network-attach's arguments), as a vif=[…] entry; null when it has errors. */
    public static Nic nic(String text, SpecReport report) {
        NetSpec spec = notCarried(NetSpecParser.parse(text, report), report);
        return spec == null || report.errorCount() > 0 ? null : nic(spec);
    }

    /** The model's disk: what the syntax said, xl's defaults applied, the syntax's own details left behind. */
    private static Disk disk(DiskSpec disk) {
        return new Disk(disk.target(), disk.format(), disk.vdev(), disk.readOnly(), disk.cdrom(), disk.backend(),
                disk.backendtype(), disk.discard());
    }

    private static Nic nic(NetSpec nic) {
        NetSpec.Rate rate = nic.rate();
        return new Nic(nic.mac(), nic.bridge(), nic.model(), nic.vifname(), nic.script(), nic.ip(), nic.backend(),
                nic.mtu(), rate == null ? null : new Nic.Rate(rate.bytesPerSecond(), rate.intervalMicros(),
                rate.written()));
    }

    private static DiskSpec notCarried(DiskSpec disk, SpecReport report) {
        if (disk == null) {
            return null;
        }
        if (!VDEV.matcher(disk.vdev()).matches()) {
            // xl also takes xen-vbd-interface's numbers (51712, d0p1); libvirt names the guest's device only this way.
            report.error(0, "vdev '" + disk.vdev() + "' is not a guest device name libvirt takes",
                    "write xvdX, hdX or sdX, e.g. xvda (xvda1 for a partition)");
            return null;
        }
        if (disk.target() != null && !disk.target().startsWith("/")) {
            if (disk.script() != null) {
                report.error(0, "target '" + disk.target() + "' is for " + disk.script() + ", and libvirt cannot run "
                        + "block scripts", "attach the device in dom0 and give its path, e.g. /dev/disk/by-path/…");
                return null;
            }
            // xl's rule: a target that is not a path names a device under /dev.
            disk = new DiskSpec("/dev/" + disk.target(), disk.format(), disk.vdev(), disk.access(), disk.devtype(),
                    disk.backend(), disk.backendtype(), disk.script(), disk.directIoSafe(), disk.discard(),
                    disk.trusted(), disk.specification(), disk.grantUsage(), disk.colo(), disk.deprecatedSyntax());
        }
        if (disk.deprecatedSyntax()) {
            report.warning(0, "deprecated syntax", "write '" + XlConfigWriter.disk(disk(disk)) + "'");
        }
        List<String> lost = new ArrayList<>();
        if (disk.script() != null) {
            lost.add("script=" + disk.script());
        }
        if ("standalone".equals(disk.backendtype())) {
            lost.add("backendtype=standalone");
        }
        if (disk.directIoSafe()) {
            lost.add("direct-io-safe");
        }
        if (disk.trusted() != null) {
            lost.add(disk.trusted() ? "trusted" : "untrusted");
        }
        if (disk.specification() != null) {
            lost.add("specification=" + disk.specification());
        }
        if (disk.grantUsage() != null) {
            lost.add("grant_usage");
        }
        disk.colo().keySet().forEach(lost::add);
        if (!lost.isEmpty()) {
            report.warning(0, String.join(", ", lost) + " not carried to libvirt", null);
        }
        return disk;
    }

    private static NetSpec notCarried(NetSpec nic, SpecReport report) {
        if (nic == null) {
            return null;
        }
        List<String> lost = new ArrayList<>();
        if (nic.gatewaydev() != null) {
            lost.add("gatewaydev");
        }
        if (nic.forwarddev() != null) {
            lost.add("forwarddev");
        }
        if (nic.devid() != null) {
            lost.add("devid");
        }
        if (nic.vlan() != null) {
            lost.add("vlan");
        }
        if (nic.type() != null) {
            lost.add("type");
        }
        if (nic.trusted() != null) {
            lost.add(nic.trusted() ? "trusted" : "untrusted");
        }
        if (nic.rate() != null && nic.rate().intervalMicros() != 50_000) {
            lost.add("the rate interval");
        }
        nic.colo().keySet().forEach(lost::add);
        if (!lost.isEmpty()) {
            report.warning(0, String.join(", ", lost) + " not carried to libvirt", null);
        }
        return nic;
    }

    List<PciAssignment> pci() {
        boolean permissive = values.bool("pci_permissive").orElse(false);
        boolean msitranslate = values.bool("pci_msitranslate").orElse(false);
        boolean seize = values.bool("pci_seize").orElse(false);
        boolean powerMgmt = values.bool("pci_power_mgmt").orElse(false);
        String rdmPolicy = rdmPolicy();
        Map<String, String> devices = new HashMap<>();
        List<PciSpec> specs = items("pci", (text, report) -> {
            PciSpec spec = PciSpecParser.parse(text, report);
            if (spec != null && spec.name() != null) {
                report.error(0, "name=" + spec.name() + " cannot be resolved through libvirt",
                        "give the device's BDF (xl pci-assignable-list shows it)");
                return null;
            }
            if (spec != null && spec.vslot() != null && spec.vslot() > 0x1f) {
                report.error(0, String.format("vslot %02x is not a PCI slot", spec.vslot()),
                        "a guest slot is 00 to 1f (hex); xl accepts up to ff but the device would not appear");
                return null;
            }
            if (spec != null && spec.bdf().function() == null) {
                report.error(0, "'" + spec.bdf() + "' (every function) cannot be expressed in libvirt",
                        "give one entry per function, e.g. '" + spec.bdf().toString().replace("*", "0") + "'");
                return null;
            }
            if (spec != null) {
                PciSpec.Bdf bdf = spec.bdf();
                String address = new PciAddress(bdf.domain(), bdf.bus(), bdf.slot(), bdf.function()).toString();
                String first = devices.putIfAbsent(address, report.what());
                if (first != null) {
                    report.error(0, address + " is " + first + "'s already: a device goes to a guest once",
                            "remove one of the two entries");
                    return null;
                }
            }
            return spec;
        });
        List<PciAssignment> assignments = new ArrayList<>();
        for (PciSpec spec : specs) {
            PciSpec.Bdf bdf = spec.bdf();
            assignments.add(new PciAssignment(new PciAddress(bdf.domain(), bdf.bus(), bdf.slot(), bdf.function()),
                    spec.vslot(), spec.name(),
                    orDefault(spec.permissive(), permissive), orDefault(spec.msitranslate(), msitranslate),
                    orDefault(spec.seize(), seize), orDefault(spec.powerMgmt(), powerMgmt),
                    spec.rdmPolicy() == null ? rdmPolicy : spec.rdmPolicy()));
        }
        boolean extras = assignments.stream().anyMatch(a -> a.msitranslate() || a.powerMgmt()
                || !a.rdmPolicy().equals("strict"));
        if (extras) {
            values.warning("pci", "msitranslate, power_mgmt and rdm_policy are not carried to libvirt (libxl's "
                    + "defaults apply)", null);
        }
        return assignments;
    }

    /** xl.cfg's passthrough=: "enabled" is what lets pci-attach hot-plug into a guest started without devices. */
    String passthrough() {
        Optional<String> mode = values.string("passthrough");
        if (mode.isEmpty()) {
            return null;
        }
        return switch (mode.get()) {
            case "enabled", "disabled", "sync_pt", "share_pt" -> mode.get();
            default -> {
                values.error("passthrough", "unknown mode '" + mode.get() + "'", "passthrough is \"enabled\", "
                        + "\"disabled\", \"sync_pt\" or \"share_pt\"");
                yield null;
            }
        };
    }

    private String rdmPolicy() {
        Optional<String> rdm = values.string("rdm");
        if (rdm.isEmpty()) {
            return "strict";
        }
        String policy = "strict";
        for (String part : rdm.get().split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].equals("policy") && (kv[1].equals("strict") || kv[1].equals("relaxed"))) {
                policy = kv[1];
            } else if (!(kv.length == 2 && kv[0].equals("strategy") && kv[1].equals("host"))) {
                values.error("rdm", "'" + part + "' is not understood", "write rdm = \"strategy=host,policy=strict\"");
            }
        }
        values.warning("rdm", "the RDM strategy is not carried to libvirt", null);
        return policy;
    }

    private static boolean orDefault(Boolean value, boolean fallback) {
        return value == null ? fallback : value;
    }
}
