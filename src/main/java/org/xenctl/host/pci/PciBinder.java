package org.xenctl.host.pci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.PciAddress;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.host.pci.AssignableRecords.Assignable;
import org.xenctl.host.pci.PciCheck.Reason;
import org.xenctl.host.pci.PciCheck.Severity;

/**
 * Makes devices assignable (bound to xen-pciback) and gives them back, with xl's semantics (ANCHORS §4.1-4.2) and
 * what xl lacks: the preflight first, the previous driver recorded on disk before anything is unbound, a bind
 * checked by reading the driver link back, and an undo when the kernel did not do what was asked.
 */
public final class PciBinder {
    private final Path sys;
    private final PciInventory inventory;
    private final AssignableRecords records;
    private final SysfsWriter writer;

    public PciBinder(Path hostRoot, PciInventory inventory, AssignableRecords records, SysfsWriter writer) {
        this.sys = hostRoot.resolve("sys/bus/pci");
        this.inventory = inventory;
        this.records = records;
        this.writer = writer;
    }

    /** @param driverBefore the driver it had before (null: none); @param changed false when it already was so */
    public record Outcome(PciAddress address, boolean changed, String driverBefore, String driverAfter) { }

    /**
     * How to make a device assignable.
     *
     * @param name       a name for it (pci-assignable-remove and pci= accept it), or null
     * @param force      take it even if dom0 uses it or its reset is missing (never a bridge)
     * @param withGroup  take the endpoints of its IOMMU group that are still on host drivers too
     * @param persistent pci-restore makes it assignable again at every boot
     */
    public record Options(String name, boolean force, boolean withGroup, boolean persistent) {
        public static final Options PLAIN = new Options(null, false, false, false);
    }

    /** What pci-restore did with one record; {@code action} is one of {@link RestoreAction}. */
    public record Restored(PciAddress address, RestoreAction action, String detail) { }

    public enum RestoreAction {
        /** bound to pciback again (a persistent record after a reboot) */
        BOUND,
        /** already on pciback: nothing to do */
        UNCHANGED,
        /** an add interrupted between unbind and bind (no driver at all): bound to pciback as asked */
        REPAIRED,
        /** not persistent and back on a host driver (the dom0 rebooted): the record is dropped, as xl forgets */
        FORGOTTEN,
        /** persistent, but the preflight refuses it now (the record is kept) */
        REFUSED,
        /** the device is gone (the record is kept) */
        NOT_FOUND,
        /** the kernel refused the bind (the record is kept) */
        FAILED,
        /** the record cannot be read: kept as it is, the device left alone */
        DAMAGED
    }

    /**
     * Binds {@code address} to pciback; with {@code withGroup}, the endpoints of its IOMMU group that are still on
     * host drivers too. Refused devices (see {@link PciCheck}) stay untouched unless {@code force}; a bridge never.
     * Idempotent: a device already on pciback is left as it is (its record takes the new name and persistence).
     */
    public List<Outcome> makeAssignable(PciAddress address, Options options) {
        PciDevice device = device(address);
        inventory.requirePciback();
        preflight(device, options.force(), options.withGroup() || options.force());
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(bind(device, options.name(), options.persistent(), options.force()));
        if (options.withGroup()) {
            for (PciAddress peer : device.groupPeers()) {
                PciDevice member = device(peer);
                if (!member.bridge() && !member.onPciback()) {
                    outcomes.add(bind(member, null, options.persistent(), false));
                }
            }
        }
        return outcomes;
    }

    /**
     * At boot (or by hand): every recorded device back to what was asked, as {@link RestoreAction} describes.
     * Members of an IOMMU group are restored one by one, so the group check does not stop the first of them.
     */
    public List<Restored> restore() {
        inventory.requirePciback();
        List<Restored> restored = new ArrayList<>();
        AssignableRecords.Contents contents = records.contents();
        for (Assignable record : contents.intact()) {
            restored.add(restore(record));
        }
        for (AssignableRecords.Damaged damaged : contents.damaged()) {
            restored.add(new Restored(damaged.address(), RestoreAction.DAMAGED, "its record " + damaged.file()
                    + " cannot be read (" + damaged.reason() + "): kept as it is, the device left alone"));
        }
        restored.sort((a, b) -> a.address().compareTo(b.address()));
        return restored;
    }

    private Restored restore(Assignable record) {
        PciAddress address = record.address();
        PciDevice device = inventory.find(address).orElse(null);
        if (device == null) {
            return new Restored(address, RestoreAction.NOT_FOUND, "no such device; the record is kept in "
                    + records.dir());
        }
        if (record.removing()) {
            try {
                Outcome outcome = release(address, true);
                return new Restored(address, RestoreAction.REPAIRED, "a pci-assignable-remove -r was cut short: "
                        + "finished, now on " + orNone(outcome.driverAfter()));
            } catch (XenctlException e) {
                return new Restored(address, RestoreAction.FAILED, e.getMessage());
            }
        }
        if (device.onPciback()) {
            return new Restored(address, RestoreAction.UNCHANGED, "already assignable");
        }
        boolean interrupted = device.driver() == null;
        if (!record.persistent() && !interrupted) {
            records.delete(address);
            return new Restored(address, RestoreAction.FORGOTTEN, "not persistent, and on " + device.driver()
                    + " again: the record is dropped");
        }
        try {
            preflight(device, record.forced(), true);
            bind(device, record.name(), record.persistent(), record.forced());
        } catch (XenctlException e) {
            RestoreAction action = e.code() == ErrorCode.DEVICE_REFUSED ? RestoreAction.REFUSED : RestoreAction.FAILED;
            return new Restored(address, action, e.getMessage());
        }
        return interrupted
                ? new Restored(address, RestoreAction.REPAIRED, "had no driver (an interrupted add): now assignable")
                : new Restored(address, RestoreAction.BOUND, "taken from " + device.driver() + ": now assignable");
    }

    /** Throws DEVICE_REFUSED with every reason that is not overridden. */
    private void preflight(PciDevice device, boolean force, boolean groupAccepted) {
        List<Reason> blocking = new ArrayList<>();
        for (Reason reason : new PciCheck(inventory).check(device.address()).reasons()) {
            boolean overridden = reason.code().equals("iommu-group") ? groupAccepted
                    : force && !reason.code().equals("bridge");
            if (reason.severity() == Severity.REFUSED && !overridden) {
                blocking.add(reason);
            }
        }
        if (!blocking.isEmpty()) {
            boolean groupOnly = blocking.stream().allMatch(r -> r.code().equals("iommu-group"));
            throw new XenctlException(ErrorCode.DEVICE_REFUSED, device.address() + " is not made assignable: "
                    + String.join("; ", blocking.stream().map(Reason::message).toList()),
                    groupOnly ? "add --with-group to make the whole IOMMU group assignable"
                            : "pci-check " + device.address() + " shows every reason; --force takes it from dom0 "
                                    + "anyway");
        }
    }

    /** Unbinds it from pciback; with {@code rebind}, gives it back to the driver recorded when it was taken. */
    public Outcome release(PciAddress address, boolean rebind) {
        PciDevice device = device(address);
        Assignable record = records.find(address).orElse(null);
        boolean changed = false;
        Path override = devicePath(address).resolve("driver_override");
        if (rebind && record != null && !record.removing() && device.onPciback()) {
            // Written first, as for an add: if this is cut short, pci-restore finishes the remove.
            record = record.whileRemoving();
            records.save(record);
        }
        if (device.onPciback()) {
            write(sys.resolve("drivers/pciback/unbind"), address.toString());
            changed = true;
        }
        String overridden = Files.exists(override) ? read(override) : null;
        if (overridden != null && !overridden.isEmpty() && !overridden.equals("(null)")) {
            write(override, "\n");
        }
        if (slotted(address)) {
            // Also with driver_override: libvirt's detach adds a slot too, and pciback would take it back on
            // any later probe.
            write(sys.resolve("drivers/pciback/remove_slot"), address.toString());
        }
        String driverAfter = driverOf(address);
        if (rebind && driverAfter == null && (record == null || record.driver() == null)) {
            // Made assignable by another tool (libvirt, xl): no driver on record, so the kernel chooses, as at boot.
            write(sys.resolve("drivers_probe"), address.toString());
            driverAfter = driverOf(address);
            changed |= driverAfter != null;
        } else if (rebind && record != null && record.driver() != null && !record.driver().equals(driverAfter)) {
            write(sys.resolve("drivers/" + record.driver() + "/bind"), address.toString());
            driverAfter = driverOf(address);
            if (!record.driver().equals(driverAfter)) {
                throw new XenctlException(ErrorCode.OPERATION_FAILED, "the kernel did not give " + address
                        + " back to " + record.driver() + " (its driver now: " + orNone(driverAfter) + ")",
                        "see dmesg; the record is kept in " + records.dir() + ", so pci-assignable-remove -r can "
                                + "be run again");
            }
            changed = true;
        }
        if (rebind) {
            records.delete(address);
        } else if (record != null && record.persistent()) {
            // Given back by hand: no longer wanted at boot. The record stays for a later -r.
            records.save(record.withPersistent(false));
        }
        return new Outcome(address, changed, device.driver(), driverAfter);
    }

    private Outcome bind(PciDevice device, String name, boolean persistent, boolean forced) {
        PciAddress address = device.address();
        Assignable known = records.find(address).orElse(null);
        if (device.onPciback()) {
            Assignable wanted = known == null ? new Assignable(address, null, name, persistent, forced)
                    : known.withName(name == null ? known.name() : name)
                            .withPersistent(persistent || known.persistent());
            if (!wanted.equals(known) && (known != null || name != null || persistent)) {
                records.save(wanted);
            }
            return new Outcome(address, false, PciDevice.PCIBACK, PciDevice.PCIBACK);
        }
        // Written first: if anything below fails or the machine stops half-way, the way back is on disk. A record
        // left by an interrupted add keeps the driver it names (the device has none now).
        String driverBefore = device.driver() == null && known != null ? known.driver() : device.driver();
        records.save(new Assignable(address, driverBefore, name == null && known != null ? known.name() : name,
                persistent || known != null && known.persistent(), forced));
        Path override = devicePath(address).resolve("driver_override");
        boolean hasOverride = Files.exists(override);
        boolean slotAdded = false;
        boolean overridden = false;
        try {
            if (hasOverride) {
                write(override, PciDevice.PCIBACK);
                overridden = true;
            }
            if (device.driver() != null) {
                write(sys.resolve("drivers/" + device.driver() + "/unbind"), address.toString());
            }
            if (!hasOverride && !slotted(address)) {
                write(sys.resolve("drivers/pciback/new_slot"), address.toString());
                slotAdded = true;
            }
            write(sys.resolve("drivers/pciback/bind"), address.toString());
        } catch (XenctlException failedWrite) {
            undo(device, overridden, slotAdded, known, failedWrite.getMessage());
        }
        String now = driverOf(address);
        if (!PciDevice.PCIBACK.equals(now)) {
            undo(device, overridden, slotAdded, known, "the kernel did not bind " + address + " to pciback");
        }
        return new Outcome(address, true, device.driver(), now);
    }

    /**
     * A step failed (a write refused, or pciback did not take it): put everything back as it was before, the
     * driver it had (never left with none), no override, no slot, the record as it was, and say so. What cannot be
     * put back is said too: pci-restore finds the record and repairs the rest.
     */
    private void undo(PciDevice device, boolean overridden, boolean slotAdded, Assignable known, String what) {
        PciAddress address = device.address();
        List<String> notUndone = new ArrayList<>();
        if (overridden) {
            undoWrite(devicePath(address).resolve("driver_override"), "\n", notUndone);
        }
        if (slotAdded) {
            undoWrite(sys.resolve("drivers/pciback/remove_slot"), address.toString(), notUndone);
        }
        String now = driverOf(address);
        if (PciDevice.PCIBACK.equals(now)) {
            undoWrite(sys.resolve("drivers/pciback/unbind"), address.toString(), notUndone);
            now = driverOf(address);
        }
        if (device.driver() != null && now == null) {
            undoWrite(sys.resolve("drivers/" + device.driver() + "/bind"), address.toString(), notUndone);
        }
        String after = driverOf(address);
        boolean restored = device.driver() == null ? after == null : device.driver().equals(after);
        if (restored && notUndone.isEmpty()) {
            if (known == null) {
                records.delete(address);
            } else {
                records.save(known);
            }
        }
        throw new XenctlException(ErrorCode.OPERATION_FAILED, what + "; " + (restored && notUndone.isEmpty()
                ? "undone: " + address + " is on " + orNone(after) + " as before"
                : "not all undone (" + String.join("; ", notUndone) + "): " + address + " is on " + orNone(after)
                        + ", and its record is kept for pci-restore"), "see dmesg for the kernel's reason");
    }

    private void undoWrite(Path file, String value, List<String> notUndone) {
        try {
            writer.write(file, value);
        } catch (IOException e) {
            notUndone.add("cannot write '" + value.strip() + "' to " + file + ": " + e.getMessage());
        }
    }

    private PciDevice device(PciAddress address) {
        return inventory.require(address);
    }

    /** Old kernels without driver_override: pciback must have a slot for the device before it binds. */
    private boolean slotted(PciAddress address) {
        Path slots = sys.resolve("drivers/pciback/slots");
        return Files.exists(slots) && read(slots).lines().anyMatch(line -> line.contains(address.toString()));
    }

    private String driverOf(PciAddress address) {
        Path link = devicePath(address).resolve("driver");
        try {
            return Files.isSymbolicLink(link) ? Files.readSymbolicLink(link).getFileName().toString() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Path devicePath(PciAddress address) {
        return sys.resolve("devices/" + address);
    }

    private void write(Path file, String value) {
        try {
            writer.write(file, value);
        } catch (IOException e) {
            throw new XenctlException(ErrorCode.OPERATION_FAILED, "cannot write '" + value.strip() + "' to " + file
                    + ": " + e.getMessage(), "see dmesg");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static String orNone(String driver) {
        return driver == null ? "none" : driver;
    }
}
