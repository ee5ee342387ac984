package org.xenctl.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What is checked before a domain is handed to libvirt's migration, on both hosts, so that a move that cannot work
 * is refused in one line instead of failing half-way: the domain runs and has no passed-through PCI device (Xen
 * cannot move one); the destination is another host, runs its guest type on a Xen of the same major release and no
 * older than the source's, and has the memory, the bridges and libvirt networks its vifs join, its disks' files at
 * the same paths (shared storage), and no other domain by its name. This matters beyond a clearer message: after a
 * migration that failed once the guest was suspended for the copy, libvirt 9.0's libxl driver leaves it suspended
 * in Xen while reporting it running.
 */
public final class MigrationPreflight {
    private MigrationPreflight() {
    }

    /** What was found: the refusals (empty: go ahead) and what could not be checked. */
    public record Findings(List<String> refusals, List<String> unchecked) {
        public Findings {
            refusals = List.copyOf(refusals);
            unchecked = List.copyOf(unchecked);
        }
    }

    /** Fails WRONG_STATE when the domain itself cannot move, whatever the destination. */
    public static void checkMovable(DomainDetails guest) {
        String name = guest.summary().name();
        if (!guest.summary().isActive()) {
            throw new XenctlException(ErrorCode.WRONG_STATE, "domain " + name + " is not running ("
                    + guest.summary().state().label() + "): libvirt's libxl driver migrates running domains only",
                    "start it first, or define it on the other host (config export here, define there)");
        }
        if (!guest.pciDevices().isEmpty()) {
            throw new XenctlException(ErrorCode.WRONG_STATE, "domain " + name + " has PCI devices passed through ("
                    + guest.pciDevices().stream().map(DomainDetails.PciDevice::addressText)
                            .collect(Collectors.joining(", ")) + "), which Xen cannot migrate",
                    "pci-detach them first, and pci-attach the destination's own after the move");
        }
    }

    /** Checks {@code destination} for {@code guest}, which runs on {@code source}. */
    public static Findings check(DomainDetails guest, Hypervisor source, Hypervisor destination) {
        List<String> refusals = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        DomainSummary domain = guest.summary();
        String there = hostLabel(destination);

        Optional<DomainSummary> sameUuid = destination.refresh(domain.uuid());
        if (sameUuid.isPresent() && sameUuid.get().isActive()) {
            refusals.add(domain.name() + " already runs on " + there + " (is it the host it runs on?)");
            return new Findings(refusals, unchecked);
        }
        try {
            DomainSummary named = destination.lookup(DomainRef.of(domain.name()));
            if (!named.uuid().equalsIgnoreCase(domain.uuid())) {
                refusals.add(there + " has another domain named " + domain.name() + " (UUID " + named.uuid() + ")");
            }
        } catch (XenctlException e) {
            if (e.code() != ErrorCode.DOMAIN_NOT_FOUND) {
                throw e;
            }
        }

        HostInfo target = destination.hostInfo();
        String type = guest.guestType();
        if (type != null && !target.guestTypes().isEmpty() && !target.guestTypes().contains(type)) {
            refusals.add(there + " cannot run " + type + " guests (it runs " + String.join(", ", target.guestTypes())
                    + ")");
        }
        String from = source.version().hypervisorVersion();
        String to = destination.version().hypervisorVersion();
        if (from != null && to != null && otherMajor(to, from)) {
            refusals.add(there + " runs Xen " + to + ", another major release than the source's " + from);
        } else if (from != null && to != null && olderRelease(to, from)) {
            refusals.add(there + " runs Xen " + to + ", older than the source's " + from
                    + ": Xen migrates to the same release or a newer one");
        }
        Long free = target.freeMemoryKiB();
        if (free == null) {
            unchecked.add("the free memory of " + there + " (its libvirt driver does not tell)");
        } else if (free < domain.memoryKiB()) {
            refusals.add(there + " has " + free / 1024 + " MiB free, and " + domain.name() + " has "
                    + domain.memoryKiB() / 1024 + " MiB");
        }
        for (DomainDetails.NetworkDevice nic : guest.nics()) {
            checkNetwork(nic, destination, there, refusals, unchecked);
        }
        checkDisks(guest, destination, there, refusals, unchecked);
        return new Findings(refusals, unchecked);
    }

    private static void checkNetwork(DomainDetails.NetworkDevice nic, Hypervisor destination, String there,
                                     List<String> refusals, List<String> unchecked) {
        if (nic.source() == null) {
            return;
        }
        try {
            if ("bridge".equals(nic.type())) {
                Optional<String> found = destination.hostInterfaceType(nic.source());
                if (found.isEmpty()) {
                    refusals.add(there + " has no bridge " + nic.source() + " (vif " + nic.mac() + " joins it)");
                } else if (!found.get().equals("bridge") && !found.get().equals("unknown")) {
                    refusals.add(nic.source() + " on " + there + " is not a bridge but a " + found.get()
                            + " interface (vif " + nic.mac() + " joins it)");
                }
            } else if ("network".equals(nic.type()) && !destination.hasActiveNetwork(nic.source())) {
                refusals.add(there + " has no active libvirt network " + nic.source() + " (vif " + nic.mac()
                        + " joins it)");
            }
        } catch (XenctlException e) {
            if (e.code() != ErrorCode.UNSUPPORTED) {
                throw e;
            }
            unchecked.add("whether " + there + " has " + nic.source() + " (its libvirtd cannot list interfaces)");
        }
    }

    /** Each disk's file or device must be there, at the same path (shared storage): libxl opens it by path. */
    private static void checkDisks(DomainDetails guest, Hypervisor destination, String there, List<String> refusals,
                                   List<String> unchecked) {
        Map<String, String> byPath = new LinkedHashMap<>();
        for (DomainDetails.DiskDevice disk : guest.disks()) {
            if (disk.source() != null && disk.source().startsWith("/")) {
                byPath.putIfAbsent(disk.source(), disk.target());
            }
        }
        if (byPath.isEmpty()) {
            return;
        }
        Map<String, Boolean> found = destination.filesExist(byPath.keySet());
        byPath.forEach((path, target) -> {
            Boolean exists = found.get(path);
            if (exists == null) {
                unchecked.add("whether " + there + " has " + path + " (disk " + target + ")");
            } else if (!exists) {
                refusals.add(there + " has no " + path + " (disk " + target + "; the hosts need shared storage)");
            }
        });
    }

    /** The host's name as its libvirtd gives it, else the URI. */
    public static String hostLabel(Hypervisor hypervisor) {
        String hostname = hypervisor.version().hostname();
        return hostname == null || hostname.isBlank() ? hypervisor.uri() : hostname;
    }

    /** Whether releases {@code a} and {@code b} have different major numbers (unnumbered ones are not judged). */
    static boolean otherMajor(String a, String b) {
        int[] x = majorMinor(a);
        int[] y = majorMinor(b);
        return x != null && y != null && x[0] != y[0];
    }

    /** Whether release {@code a} ("4.16.2") is older than {@code b}, by major and minor number. */
    static boolean olderRelease(String a, String b) {
        int[] x = majorMinor(a);
        int[] y = majorMinor(b);
        if (x == null || y == null) {
            return false;
        }
        return x[0] != y[0] ? x[0] < y[0] : x[1] < y[1];
    }

    private static int[] majorMinor(String version) {
        String[] parts = version.split("\\.");
        try {
            return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
