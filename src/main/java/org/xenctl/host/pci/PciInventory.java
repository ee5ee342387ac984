package org.xenctl.host.pci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.xenctl.domain.PciAddress;

/**
 * The dom0's PCI functions, read from sysfs (and /proc for what dom0 uses) under a root directory: "/" on a dom0, a
 * sysfs-shaped tree in tests. Reads only; binding is another class's job.
 */
public final class PciInventory {
    private static final int IFF_UP = 0x1;

    private final Path root;
    private final PciIds ids;
    private final List<String> mounts;
    private final List<String> swaps;
    private final List<String> defaultRouteInterfaces;

    private PciInventory(Path root, PciIds ids) {
        this.root = root;
        this.ids = ids;
        this.mounts = lines("proc/mounts");
        this.swaps = lines("proc/swaps");
        this.defaultRouteInterfaces = defaultRoutes();
    }

    public static PciInventory of(Path root) {
        return new PciInventory(root, PciIds.load(root));
    }

    static PciInventory of(Path root, PciIds ids) {
        return new PciInventory(root, ids);
    }

    /** Whether xen-pciback is loaded: without it, nothing can be made assignable. */
    public boolean pcibackLoaded() {
        return Files.isDirectory(root.resolve("sys/bus/pci/drivers/" + PciDevice.PCIBACK));
    }

    /** NO_PCIBACK unless xen-pciback is loaded: what every command that binds or lists assignable devices needs. */
    public void requirePciback() {
        if (!pcibackLoaded()) {
            throw new org.xenctl.domain.XenctlException(org.xenctl.domain.ErrorCode.NO_PCIBACK,
                    "xen-pciback is not loaded (no /sys/bus/pci/drivers/pciback)",
                    "modprobe xen-pciback (on a Xen dom0 kernel)");
        }
    }

    /** Every PCI function, by address. */
    public List<PciDevice> devices() {
        Path dir = devicesDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(path -> PciAddress.parseOrNull(path.getFileName().toString()))
                    .filter(address -> address != null)
                    .sorted()
                    .map(this::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The device at {@code address}, or the not-found error every PCI command reports. */
    public PciDevice require(PciAddress address) {
        return find(address).orElseThrow(() -> new org.xenctl.domain.XenctlException(
                org.xenctl.domain.ErrorCode.DEVICE_NOT_FOUND, "no PCI device " + address + " on this host",
                "pci-host-list shows the devices there are"));
    }

    public Optional<PciDevice> find(PciAddress address) {
        return Files.isDirectory(devicesDir().resolve(address.toString())) ? Optional.of(read(address))
                : Optional.empty();
    }

    private Path devicesDir() {
        return root.resolve("sys/bus/pci/devices");
    }

    private PciDevice read(PciAddress address) {
        Path dir = devicesDir().resolve(address.toString());
        int vendor = hex(dir.resolve("vendor"));
        int device = hex(dir.resolve("device"));
        int classCode = hex(dir.resolve("class"));
        Integer group = null;
        List<PciAddress> peers = List.of();
        String groupLink = linkName(dir.resolve("iommu_group"));
        if (groupLink != null) {
            group = Integer.valueOf(groupLink);
            peers = addressesIn(root.resolve("sys/kernel/iommu_groups/" + group + "/devices")).stream()
                    .filter(peer -> !peer.equals(address)).toList();
        }
        String physfn = linkName(dir.resolve("physfn"));
        return new PciDevice(address, vendor, device, hex(dir.resolve("subsystem_vendor")),
                hex(dir.resolve("subsystem_device")), classCode, ids.vendor(vendor), ids.device(vendor, device),
                linkName(dir.resolve("driver")), group, peers, (classCode >> 16) == 0x06,
                physfn == null ? null : PciAddress.parseOrNull(physfn), virtualFunctions(dir), resetMethods(dir),
                dom0Uses(dir));
    }

    private static List<PciAddress> virtualFunctions(Path dir) {
        List<PciAddress> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (entry.getFileName().toString().startsWith("virtfn")) {
                    PciAddress vf = PciAddress.parseOrNull(linkNameOrEmpty(entry));
                    if (vf != null) {
                        found.add(vf);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    /** reset_method (Linux 5.15+) lists what the kernel can do; older kernels have only the reset file. */
    private static List<String> resetMethods(Path dir) {
        String methods = read(dir.resolve("reset_method"));
        if (methods != null) {
            return Stream.of(methods.trim().split("\\s+")).filter(m -> !m.isEmpty()).toList();
        }
        return Files.exists(dir.resolve("reset")) ? List.of("reset") : List.of();
    }

    private List<String> dom0Uses(Path dir) {
        List<String> uses = new ArrayList<>();
        if ("1".equals(trimmed(read(dir.resolve("boot_vga"))))) {
            uses.add("it is the boot VGA device (dom0's console)");
        }
        for (String disk : below(dir, "block")) {
            Pattern partOf = Pattern.compile("/dev/" + Pattern.quote(disk) + "(p?[0-9]+)?");
            for (String mount : mounts) {
                String[] fields = mount.split("\\s+");
                if (fields.length > 1 && partOf.matcher(fields[0]).matches()) {
                    uses.add(fields[0] + " is mounted on " + fields[1]);
                }
            }
            for (String swap : swaps) {
                String[] fields = swap.split("\\s+");
                if (partOf.matcher(fields[0]).matches()) {
                    uses.add(fields[0] + " is in use as swap");
                }
            }
        }
        for (String iface : below(dir, "net")) {
            if (defaultRouteInterfaces.contains(iface)) {
                uses.add("network interface " + iface + " carries the default route");
            } else if ((hex(root.resolve("sys/class/net/" + iface + "/flags")) & IFF_UP) != 0) {
                uses.add("network interface " + iface + " is up");
            }
        }
        return uses;
    }

    /**
     * The entries of every {@code kind} directory ("block": disks, "net": interfaces) in the device's real sysfs
     * subtree: a disk sits below the controller's SCSI host, a virtio NIC's interface below virtioN/.
     */
    private static List<String> below(Path dir, String kind) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir.toRealPath(), 6)) {
            walk.filter(path -> path.getFileName().toString().equals(kind) && Files.isDirectory(path))
                    .forEach(parent -> found.addAll(names(parent)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private List<String> defaultRoutes() {
        List<String> found = new ArrayList<>();
        for (String line : lines("proc/net/route")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 2 && fields[1].equals("00000000") && !fields[0].equals("Iface")) {
                found.add(fields[0]);
            }
        }
        return found;
    }

    private static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<PciAddress> addressesIn(Path dir) {
        return names(dir).stream().map(PciAddress::parseOrNull).filter(a -> a != null).sorted().toList();
    }

    private List<String> lines(String relative) {
        String text = read(root.resolve(relative));
        return text == null ? List.of() : text.lines().toList();
    }

    private static String linkName(Path link) {
        if (!Files.isSymbolicLink(link)) {
            return null;
        }
        return linkNameOrEmpty(link);
    }

    private static String linkNameOrEmpty(Path link) {
        try {
            return Files.readSymbolicLink(link).getFileName().toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static int hex(Path file) {
        String text = trimmed(read(file));
        if (text == null || text.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseUnsignedInt(text.startsWith("0x") ? text.substring(2) : text, 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String trimmed(String text) {
        return text == null ? null : text.trim();
    }

    private static String read(Path file) {
        try {
            return Files.isReadable(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
