package org.xenctl.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.xenctl.host.pci.SysfsWriter;

/**
 * The kernel's side of the sysfs writes the binder makes, on a sysfs-shaped tree: bind/unbind move the device's
 * driver link, driver_override restricts bind, pciback's new_slot/remove_slot keep its slots file, drivers_probe binds as
 * the kernel's matching would. Every write is
 * logged ("drivers/e1000e/unbind <- 0000:01:00.0"; a lone newline as \\n) for the tests to check. The real kernel's behaviour is proven
 * in the Xen lab; this double checks our own logic around the writes.
 */
public final class FakeKernel implements SysfsWriter {
    private final Path root;
    private final List<String> writes = new ArrayList<>();
    private final Set<String> refusing = new HashSet<>();
    private final Map<String, String> probed = new HashMap<>();
    private final Set<String> failing = new HashSet<>();
    private String killedAt;

    public FakeKernel(Path root) {
        this.root = root;
    }

    /** Makes every bind to {@code driver} fail as a probe error does (the write succeeds, nothing binds). */
    public FakeKernel refuseBindsTo(String driver) {
        refusing.add(driver);
        return this;
    }

    /** The driver the kernel's own matching picks for {@code bdf} on drivers_probe (unless an override or a slot says). */
    public FakeKernel probeBinds(String bdf, String driver) {
        probed.put(bdf, driver);
        return this;
    }

    /** Makes every write to {@code relative} (under /sys/bus/pci, e.g. "drivers/pciback/bind") fail with EIO. */
    public FakeKernel failWritesTo(String relative) {
        failing.add(relative);
        return this;
    }

    /**
     * The process dies as it is about to write to {@code relative}: nothing after that runs, nothing is undone (an
     * unchecked exception no xenctl code catches), as with kill -9. Once; null stops it.
     */
    public FakeKernel killAt(String relative) {
        killedAt = relative;
        return this;
    }

    /** What a kill leaves: the exception the test catches in place of a dead process. */
    public static final class Killed extends RuntimeException {
        Killed(String at) {
            super("killed before writing " + at);
        }
    }

    public List<String> writes() {
        return writes;
    }

    @Override
    public void write(Path file, String value) throws IOException {
        Path pci = root.resolve("sys/bus/pci");
        String name = file.getFileName().toString();
        writes.add(pci.relativize(file) + " <- " + (value.isBlank() ? "\\n" : value.strip()));
        if (pci.relativize(file).toString().equals(killedAt)) {
            killedAt = null;
            throw new Killed(pci.relativize(file).toString());
        }
        if (failing.contains(pci.relativize(file).toString())) {
            throw new IOException("Input/output error");
        }
        String bdf = value.strip();
        Path device = pci.resolve("devices/" + bdf);
        switch (name) {
            case "driver_override" -> Files.writeString(file, value.strip().isEmpty() ? "(null)\n" : value + "\n");
            case "unbind" -> {
                String driver = file.getParent().getFileName().toString();
                if (!driver.equals(driverOf(device))) {
                    throw new IOException("No such device");
                }
                Files.delete(device.resolve("driver"));
            }
            case "bind" -> {
                String driver = file.getParent().getFileName().toString();
                if (driverOf(device) != null) {
                    throw new IOException("Device or resource busy");
                }
                String override = Files.exists(device.resolve("driver_override"))
                        ? Files.readString(device.resolve("driver_override")).strip() : "(null)";
                if (!override.equals("(null)") && !override.equals(driver)) {
                    throw new IOException("No such device");
                }
                if (refusing.contains(driver)) {
                    return;
                }
                Files.createSymbolicLink(device.resolve("driver"), Path.of("../../../bus/pci/drivers/" + driver));
            }
            case "new_slot" -> Files.writeString(file.resolveSibling("slots"), bdf + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            case "remove_slot" -> {
                Path slots = file.resolveSibling("slots");
                List<String> kept = Files.readAllLines(slots).stream().filter(l -> !l.contains(bdf)).toList();
                Files.write(slots, kept);
            }
            case "drivers_probe" -> {
                String chosen = probeChoice(device, bdf, pci);
                if (driverOf(device) == null && chosen != null) {
                    Files.createSymbolicLink(device.resolve("driver"), Path.of("../../../bus/pci/drivers/" + chosen));
                }
            }
            default -> throw new IOException("unexpected write to " + file);
        }
    }

    /** What a dom0 reboot does to a device: back on {@code driver}, no override (not logged: not a write of ours). */
    public void rebootGivesBack(String bdf, String driver) throws IOException {
        Path device = root.resolve("sys/bus/pci/devices/" + bdf);
        Files.deleteIfExists(device.resolve("driver"));
        Files.createSymbolicLink(device.resolve("driver"), Path.of("../../../bus/pci/drivers/" + driver));
        Files.writeString(device.resolve("driver_override"), "(null)\n");
    }

    /** As the kernel matches: driver_override first, then a pciback slot, then the device's own driver. */
    private String probeChoice(Path device, String bdf, Path pci) throws IOException {
        Path override = device.resolve("driver_override");
        String overridden = Files.exists(override) ? Files.readString(override).strip() : "(null)";
        if (!overridden.equals("(null)")) {
            return overridden;
        }
        Path slots = pci.resolve("drivers/pciback/slots");
        if (Files.exists(slots) && Files.readString(slots).contains(bdf)) {
            return "pciback";
        }
        return probed.get(bdf);
    }

    private static String driverOf(Path device) throws IOException {
        Path link = device.resolve("driver");
        return Files.isSymbolicLink(link) ? Files.readSymbolicLink(link).getFileName().toString() : null;
    }
}
