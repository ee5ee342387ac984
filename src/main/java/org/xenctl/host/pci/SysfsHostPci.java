package org.xenctl.host.pci;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.PciAddress;
import org.xenctl.domain.XenctlException;

/**
 * {@link HostPci} on the dom0 itself: its sysfs (or a tree shaped like it, $XENCTL_HOST_ROOT, in tests), xenctl's
 * records under /var/lib/xenctl/pci, and libvirt only for which domain has which device. Also what only sysfs can
 * do: the preflight of pci-check and pci-restore at boot.
 */
public final class SysfsHostPci implements HostPci {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

    private final Path root;
    private final SysfsWriter writer;
    private final PciHolders holders;

    public SysfsHostPci(Path root, SysfsWriter writer, PciHolders holders) {
        this.root = root;
        this.writer = writer;
        this.holders = holders;
    }

    @Override
    public Listing list(List<PciAddress> wanted) {
        PciInventory inventory = PciInventory.of(root);
        List<PciDevice> devices;
        if (wanted.isEmpty()) {
            devices = inventory.devices();
        } else {
            devices = new ArrayList<>();
            for (PciAddress address : wanted) {
                devices.add(inventory.require(address));
            }
        }
        return listing(inventory, devices, new AssignableRecords(root).contents());
    }

    @Override
    public Listing assignable() {
        PciInventory inventory = PciInventory.of(root);
        inventory.requirePciback();
        AssignableRecords.Contents records = new AssignableRecords(root).contents();
        List<PciAddress> recorded = new ArrayList<>();
        records.intact().forEach(record -> recorded.add(record.address()));
        records.damaged().forEach(damaged -> recorded.add(damaged.address()));
        return listing(inventory, inventory.devices().stream()
                .filter(d -> d.onPciback() || recorded.contains(d.address())).toList(), records);
    }

    private Listing listing(PciInventory inventory, List<PciDevice> devices, AssignableRecords.Contents records) {
        Map<PciAddress, String> holding;
        String notRead = null;
        try {
            holding = holders.read();
        } catch (XenctlException e) {
            holding = Map.of();
            notRead = e.getMessage();
        }
        Map<PciAddress, String> held = holding;
        Map<PciAddress, AssignableRecords.Assignable> intact = new java.util.HashMap<>();
        records.intact().forEach(record -> intact.put(record.address(), record));
        List<String> damaged = records.damaged().stream().map(d -> d.address() + ": " + d.file() + " cannot be read ("
                + d.reason() + ")").toList();
        return new Listing("sysfs", inventory.pcibackLoaded(), notRead, devices.stream()
                .map(d -> HostPciDevice.of(d, intact.get(d.address()), held.get(d.address()))).toList(), damaged);
    }

    @Override
    public List<Change> makeAssignable(PciAddress address, PciBinder.Options options) {
        List<PciBinder.Outcome> outcomes;
        try (AssignableRecords.Lock lock = new AssignableRecords(root).lock()) {
            checkName(options.name(), address);
            outcomes = binder().makeAssignable(address, options);
        }
        return outcomes.stream().map(outcome -> new Change(outcome.address(), outcome.changed(),
                outcome.driverBefore(), outcome.driverAfter(), outcome.address().equals(address) ? options.name()
                : null, options.persistent(), !outcome.changed() ? outcome.address() + " was already assignable"
                : outcome.address() + " is assignable" + (outcome.driverBefore() == null ? ""
                : " (taken from " + outcome.driverBefore() + ")"))).toList();
    }

    /** Names are unique, and never look like an address (pci-assignable-remove takes either). */
    private void checkName(String name, PciAddress device) {
        if (name == null) {
            return;
        }
        if (!NAME.matcher(name).matches() || PciAddress.parseOrNull(name) != null) {
            throw new XenctlException(ErrorCode.USAGE, "'" + name + "' cannot name a device",
                    "use letters, digits, '_', '.' and '-' (up to 64), not an address");
        }
        new AssignableRecords(root).findByName(name)
                .filter(other -> !other.address().equals(device))
                .ifPresent(other -> {
                    throw new XenctlException(ErrorCode.DEVICE_REFUSED, "the name '" + name + "' is already "
                            + "given to " + other.address(), "choose another name, or pci-assignable-remove "
                            + other.address() + " first");
                });
    }

    @Override
    public Change release(PciAddress address, boolean rebind) {
        // Here libvirtd must answer: giving a device back while a guest has it is what must not happen.
        String holder = holders.read().get(address);
        if (holder != null) {
            throw new XenctlException(ErrorCode.DEVICE_REFUSED, address + " is assigned to domain " + holder,
                    "pci-detach " + holder + " " + address + " first");
        }
        PciBinder.Outcome outcome;
        try (AssignableRecords.Lock lock = new AssignableRecords(root).lock()) {
            outcome = binder().release(address, rebind);
        }
        return new Change(address, outcome.changed(), outcome.driverBefore(), outcome.driverAfter(), null, false,
                releaseMessage(outcome, rebind));
    }

    private static String releaseMessage(PciBinder.Outcome outcome, boolean rebind) {
        if (outcome.driverAfter() != null && !outcome.driverAfter().equals("pciback")) {
            return outcome.address() + (outcome.changed() ? " is back on " : " is on ") + outcome.driverAfter();
        }
        if (!outcome.changed()) {
            return outcome.address() + " was not assignable: nothing to do";
        }
        return outcome.address() + " is unbound from pciback, on no driver"
                + (rebind ? "" : " (pci-assignable-remove -r gives it back to its driver from before)");
    }

    @Override
    public PciAddress byName(String name) {
        return new AssignableRecords(root).findByName(name).map(AssignableRecords.Assignable::address)
                .orElseThrow(() -> new XenctlException(ErrorCode.DEVICE_NOT_FOUND, "no device is named '" + name
                        + "'", "pci-assignable-list -n shows the names; or give the address (DDDD:BB:SS.F)"));
    }

    @Override
    public void preflight(List<DomainDetails.PciDevice> devices, String what) {
        if (!devices.isEmpty()) {
            new PassthroughPreflight(PciInventory.of(root)).check(devices, what);
        }
    }

    /** pci-check: a verdict for each device, with every reason. */
    public List<PciCheck.Report> check(List<PciAddress> addresses) {
        PciCheck check = new PciCheck(PciInventory.of(root));
        return addresses.stream().map(check::check).toList();
    }

    /** pci-restore: the persistent devices bound again, interrupted changes completed, other records forgotten. */
    public List<PciBinder.Restored> restore() {
        try (AssignableRecords.Lock lock = new AssignableRecords(root).lock()) {
            return binder().restore();
        }
    }

    private PciBinder binder() {
        return new PciBinder(root, PciInventory.of(root), new AssignableRecords(root), writer);
    }
}
