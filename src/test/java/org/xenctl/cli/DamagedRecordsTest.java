package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.libvirt.LibvirtHypervisor;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.FakeKernel;
import org.xenctl.testing.SysfsTree;
import org.xenctl.testing.TestDriver;

/**
 * xenctl's PCI records as a crash, a full disk or a hand edit leave them: empty, garbage and non-UTF-8 files beside
 * an intact one. None of them is taken for "not persistent" and dropped, none stops the others, each is named with
 * its reason wherever it matters, and every one is left on disk exactly as it was.
 */
class DamagedRecordsTest {
    @TempDir
    Path host;

    private FakeKernel kernel;
    private Context context;
    private Path records;
    private LibvirtHypervisor keep;

    @BeforeEach
    void aHostWithOneIntactPersistentRecordAndThreeDamagedOnes() throws Exception {
        keep = TestDriver.keep();
        SysfsTree tree = new SysfsTree(host).pciback();
        tree.device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("e1000e").group(3).resetMethods("flr")
                .file("driver_override", "(null)");
        tree.device("0000:02:00.0", 0x8086, 0x10d3, 0x020000).driver("pciback").group(4).resetMethods("flr")
                .file("driver_override", "(null)");
        tree.device("0000:03:00.0", 0x10de, 0x1b80, 0x030000).driver("pciback").group(7).resetMethods("bus")
                .file("driver_override", "(null)");
        tree.device("0000:04:00.0", 0x8086, 0x10d3, 0x020000).driver("e1000e").group(8).resetMethods("flr")
                .file("driver_override", "(null)");
        kernel = new FakeKernel(host);
        context = Context.of(Map.of("XENCTL_HOST_ROOT", host.toString())).withSysfs(kernel);
        assertThat(xenctl("pci-assignable-add", "--persistent", "01:00.0").exit()).isZero();
        kernel.rebootGivesBack("0000:01:00.0", "e1000e");
        records = host.resolve("var/lib/xenctl/pci");
        Files.writeString(records.resolve("0000:02:00.0"), "");
        Files.writeString(records.resolve("0000:03:00.0"), "%%% not a record {\n");
        Files.write(records.resolve("0000:04:00.0"), "driver=e1000e\npersistent=true\nforced=false\nname=caf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        // A write that never reached its rename: not a record at all.
        Files.writeString(records.resolve(".record123.tmp"), "");
    }

    @AfterEach
    void close() {
        keep.close();
    }

    private Result xenctl(String... args) {
        List<String> all = new ArrayList<>(List.of("-c", TestDriver.DEFAULT));
        all.addAll(List.of(args));
        return Cli.runIn(context, all.toArray(String[]::new));
    }

    @Test
    void restore_binds_the_intact_record_and_names_each_damaged_one_without_dropping_it() throws Exception {
        Map<String, byte[]> before = contents();

        Result r = xenctl("-o", "json", "pci-restore");

        assertThat(r.exit()).as(r.toString()).isEqualTo(5);
        JsonNode devices = r.json().get("devices");
        assertThat(devices).hasSize(4);
        assertThat(devices.get(0).get("action").asText()).isEqualTo("bound");
        for (int i = 1; i < 4; i++) {
            assertThat(devices.get(i).get("action").asText()).isEqualTo("damaged");
            assertThat(devices.get(i).get("detail").asText()).contains(records.toString()).contains("cannot be read");
        }
        assertThat(devices.get(1).get("detail").asText()).contains("empty");
        assertThat(devices.get(3).get("detail").asText()).contains("not UTF-8");
        assertThat(kernel.writes()).contains("drivers/pciback/bind <- 0000:01:00.0")
                .noneMatch(write -> write.contains("0000:02:00.0") || write.contains("0000:03:00.0")
                        || write.contains("0000:04:00.0"));
        before.remove("0000:01:00.0");
        Map<String, byte[]> after = contents();
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void listings_show_every_device_and_name_the_damaged_records() {
        Result hosts = xenctl("-o", "json", "pci-host-list");
        Result assignable = xenctl("-o", "json", "pci-assignable-list");
        Result table = xenctl("pci-assignable-list", "-l");

        assertThat(hosts.exit()).as(hosts.toString()).isZero();
        assertThat(hosts.json().get("devices")).hasSize(4);
        assertThat(hosts.json().get("damaged_records")).hasSize(3);
        assertThat(hosts.json().get("damaged_records").get(0).asText()).startsWith("0000:02:00.0: " + records);
        assertThat(assignable.exit()).as(assignable.toString()).isZero();
        assertThat(assignable.json().get("devices")).extracting(d -> d.get("address").asText())
                .containsExactly("0000:01:00.0", "0000:02:00.0", "0000:03:00.0", "0000:04:00.0");
        assertThat(table.out()).contains("xenctl's record of 0000:03:00.0: ");
    }

    @Test
    void a_change_to_a_device_whose_record_is_damaged_is_refused_and_the_others_still_work() throws Exception {
        Result damaged = xenctl("-o", "json", "pci-assignable-remove", "-r", "03:00.0");
        Result intact = xenctl("pci-assignable-add", "01:00.0");

        assertThat(damaged.exit()).as(damaged.toString()).isEqualTo(5);
        assertThat(damaged.errorJson().get("error").get("code").asText()).isEqualTo("record-damaged");
        assertThat(damaged.errorJson().get("error").get("message").asText())
                .contains(records.resolve("0000:03:00.0").toString());
        assertThat(Files.readString(records.resolve("0000:03:00.0"))).isEqualTo("%%% not a record {\n");
        assertThat(intact.exit()).as(intact.toString()).isZero();
    }

    @Test
    void a_record_is_written_whole_and_leaves_no_temporary_file() throws Exception {
        assertThat(xenctl("pci-assignable-add", "-n", "nic1", "01:00.0").exit()).isZero();

        assertThat(Files.readString(records.resolve("0000:01:00.0"))).contains("name=nic1").contains("persistent=true")
                .contains("driver=e1000e");
        try (var files = Files.list(records)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
                    .containsExactly(".record123.tmp");
        }
    }

    private Map<String, byte[]> contents() throws Exception {
        Map<String, byte[]> contents = new java.util.TreeMap<>();
        try (var files = Files.list(records)) {
            for (Path file : files.toList()) {
                contents.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return contents;
    }
}
