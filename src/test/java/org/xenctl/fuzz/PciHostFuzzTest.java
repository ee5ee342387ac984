package org.xenctl.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.xenctl.domain.PciAddress;
import org.xenctl.host.pci.AssignableRecords;
import org.xenctl.host.pci.SysfsHostPci;
import org.xenctl.testing.FakeKernel;
import org.xenctl.testing.SysfsTree;

/**
 * Coverage-guided fuzzing (Jazzer) of what the PCI verbs read on a dom0, as a damaged disk, a hand edit or an odd
 * kernel could leave it: xenctl's own records under /var/lib/xenctl/pci, a device's attribute files and links in a
 * sysfs-shaped tree, /proc/mounts, /proc/swaps, /proc/net/route and pci.ids. pci-host-list, pci-assignable-list,
 * pci-check and pci-restore end in a result or a reported failure ({@link Handled}), never a crash; and no record
 * file is lost: each is read, or named as damaged. Regression inputs in src/test/resources/org/xenctl/fuzz/
 * PciHostFuzzTestInputs/pci_host_files; {@code scripts/fuzz} fuzzes it.
 */
class PciHostFuzzTest {
    private static final String BDF = "0000:01:00.0";
    private static final List<String> ATTRIBUTES = List.of("vendor", "device", "class", "subsystem_vendor",
            "subsystem_device", "reset_method", "driver_override", "enable", "irq", "boot_vga");

    @FuzzTest(maxDuration = "5m")
    void pci_host_files(FuzzedDataProvider data) throws IOException {
        Path root = Files.createTempDirectory("xenctl-fuzz-pci-");
        try {
            SysfsTree tree = new SysfsTree(root);
            if (data.consumeBoolean()) {
                tree.pciback();
            }
            SysfsTree.Device device = tree.device(BDF, data.consumeInt(0, 0xffff), data.consumeInt(0, 0xffff),
                    data.consumeInt(0, 0xffffff));
            for (String attribute : ATTRIBUTES) {
                if (data.consumeBoolean()) {
                    device.file(attribute, data.consumeString(24));
                }
            }
            if (data.consumeBoolean()) {
                device.driver(data.pickValue(List.of("pciback", "e1000e", "vfio-pci", "nvme", "ahci")));
            }
            if (data.consumeBoolean()) {
                device.group(data.consumeInt(0, 2));
            }
            if (data.consumeBoolean()) {
                device.net("eth" + data.consumeInt(0, 1), data.consumeBoolean()).disk("sda");
            }
            for (String file : List.of("proc/mounts", "proc/swaps", "proc/net/route", "usr/share/misc/pci.ids")) {
                if (data.consumeBoolean()) {
                    write(root.resolve(file), data.consumeBytes(160));
                }
            }
            Path records = root.resolve("var/lib/xenctl/pci");
            int files = data.consumeInt(0, 3);
            for (int i = 0; i < files; i++) {
                String name = data.pickValue(List.of(BDF, "0000:02:00.0", "0000:01:00.1", BDF + ".tmp"));
                write(records.resolve(name), data.consumeBoolean() ? record(data) : data.consumeBytes(200));
            }
            byte[] last = data.consumeRemainingAsBytes();
            if (last.length > 0) {
                write(records.resolve("0000:03:00.0"), last);
            }

            SysfsHostPci host = new SysfsHostPci(root, new FakeKernel(root), java.util.Map::of);
            Handled.run(() -> host.list(List.of()));
            Handled.run(host::assignable);
            Handled.run(() -> host.check(List.of(PciAddress.parseOrNull(BDF))));
            Handled.run(() -> noRecordLost(root, records));
            Handled.run(host::restore);
        } finally {
            delete(root);
        }
    }

    /** A record as xenctl writes one, its values fuzzed: what reaches the paths that act on an intact record. */
    private static byte[] record(FuzzedDataProvider data) {
        List<String> flags = List.of("true", "false", "", "TRUE", "1");
        StringBuilder text = new StringBuilder("# xenctl\n");
        text.append("persistent=").append(data.pickValue(flags)).append('\n');
        text.append("forced=").append(data.pickValue(flags)).append('\n');
        if (data.consumeBoolean()) {
            text.append("driver=").append(data.consumeBoolean() ? data.pickValue(List.of("e1000e", "nvme", "pciback"))
                    : data.consumeString(16)).append('\n');
        }
        if (data.consumeBoolean()) {
            text.append("name=").append(data.consumeString(16)).append('\n');
        }
        if (data.consumeBoolean()) {
            text.append("removing=").append(data.pickValue(flags)).append('\n');
        }
        return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Every file named as a record is read or named as damaged: a damaged record is never silently dropped. */
    private static void noRecordLost(Path root, Path records) {
        AssignableRecords.Contents contents = new AssignableRecords(root).contents();
        long named;
        try (Stream<Path> listed = Files.isDirectory(records) ? Files.list(records) : Stream.empty()) {
            named = listed.map(file -> file.getFileName().toString())
                    .filter(PciHostFuzzTest::isRecordName).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (contents.intact().size() + contents.damaged().size() != named) {
            throw new AssertionError(named + " record files, " + contents.intact().size() + " read and "
                    + contents.damaged().size() + " named as damaged");
        }
    }

    /** What AssignableRecords takes for a record: a file named as the address it holds, written canonically. */
    private static boolean isRecordName(String name) {
        PciAddress address = PciAddress.parseOrNull(name);
        return address != null && address.toString().equals(name);
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
