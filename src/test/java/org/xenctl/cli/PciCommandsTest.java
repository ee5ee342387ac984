package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.SysfsTree;

/** pci-host-list and pci-check on a sysfs-shaped host (XENCTL_HOST_ROOT), as a user and a script see them. */
class PciCommandsTest {
    @TempDir
    Path host;

    private Map<String, String> environment;

    @BeforeEach
    void aHostWithAGpuAndItsAudioAndASpareNic() {
        SysfsTree tree = new SysfsTree(host).pciback().defaultRoute("eno1");
        tree.device("0000:00:19.0", 0x8086, 0x15b8, 0x020000).driver("e1000e").resetMethods("flr").net("eno1", true);
        tree.device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("e1000e").group(3).resetMethods("flr bus");
        tree.device("0000:03:00.0", 0x10de, 0x1b80, 0x030000).driver("nouveau").group(7).resetMethods("bus");
        tree.device("0000:03:00.1", 0x10de, 0x10f0, 0x040300).driver("snd_hda_intel").group(7)
                .resetMethods("bus");
        environment = Map.of("XENCTL_HOST_ROOT", host.toString());
    }

    @Test
    void pci_host_list_shows_every_device_with_its_state() {
        Result r = Cli.runWith(environment, "pci-host-list");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Address       IDs        Driver         State  Group  Reset    Dom0    "
                + "Description\n0000:00:19.0  8086:15b8  e1000e         host       -  flr      in use  8086:15b8\n");
        assertThat(r.out()).contains("0000:03:00.1  10de:10f0  snd_hda_intel  host       7  bus      -       ");
    }

    @Test
    void pci_host_list_in_json_names_the_group_peers_and_the_uses() {
        JsonNode devices = Cli.runWith(environment, "-o", "json", "pci-host-list", "00:19.0", "03:00.0").json()
                .get("devices");

        assertThat(devices).hasSize(2);
        assertThat(devices.get(0).get("dom0_uses").get(0).asText())
                .isEqualTo("network interface eno1 carries the default route");
        assertThat(devices.get(1).get("group_peers").get(0).asText()).isEqualTo("0000:03:00.1");
        assertThat(devices.get(1).get("iommu_group").asInt()).isEqualTo(7);
    }

    @Test
    void pci_check_says_why_in_one_line_and_exits_4_when_one_is_refused() {
        Result r = Cli.runWith(environment, "pci-check", "01:00.0", "03:00.0");

        assertThat(r.exit()).as(r.toString()).isEqualTo(4);
        assertThat(r.out()).isEqualTo("""
                0000:01:00.0: assignable
                  note: bound to e1000e now; making it assignable unbinds it from dom0
                0000:03:00.0: refused
                  refused: 0000:03:00.0 is in IOMMU group 7 with 0000:03:00.1, which is still bound to \
                snd_hda_intel: make the whole group assignable
                  note: bound to nouveau now; making it assignable unbinds it from dom0
                """);
    }

    @Test
    void pci_check_of_assignable_devices_exits_0_and_of_a_missing_one_3() {
        assertThat(Cli.runWith(environment, "pci-check", "0000:01:00.0").exit()).isZero();
        Result missing = Cli.runWith(environment, "-o", "json", "pci-check", "01:00.0", "05:00.0");
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.json().get("devices").get(1).get("verdict").asText()).isEqualTo("not-found");
    }

    @Test
    void a_bad_address_is_a_usage_error_and_an_unknown_one_in_pci_host_list_is_not_found() {
        Result bad = Cli.runWith(environment, "pci-check", "3:0");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).startsWith("xenctl: error: '3:0' is not a PCI address");
        Result unknown = Cli.runWith(environment, "pci-host-list", "05:00.0");
        assertThat(unknown.exit()).isEqualTo(3);
        assertThat(unknown.err()).startsWith("xenctl: error: no PCI device 0000:05:00.0 on this host");
    }

    @Test
    void pci_check_through_a_remote_uri_is_refused_because_sysfs_is_local() {
        Result r = Cli.runWith(environment, "-c", "xen+ssh://root@dom0.example.org/system", "pci-check", "01:00.0");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("reads this machine's sysfs");
    }

    @Test
    void pci_check_runs_in_a_batch_with_its_exit_status() throws Exception {
        Path script = host.resolve("check.batch");
        java.nio.file.Files.writeString(script, "pci-check 01:00.0\npci-check 03:00.0\n");

        Result r = Cli.runWith(environment, "-c", "test:///default", "-o", "json", "batch", script.toString());

        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.out().lines().map(line -> line.contains("\"exit_status\":4")).toList())
                .containsExactly(false, true, false);
    }
}
