package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
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
 * pci-assignable-add/-remove/-list and pci-restore on a sysfs-shaped host whose kernel is simulated (every write
 * checked), with libvirt's test driver holding the domains.
 */
class PciAssignableCommandsTest {
    @TempDir
    Path host;

    private FakeKernel kernel;
    private Context context;

    @BeforeEach
    void aHostWithASpareNicAGpuAndItsAudio() {
        SysfsTree tree = new SysfsTree(host).pciback().defaultRoute("eno1");
        tree.device("0000:00:19.0", 0x8086, 0x15b8, 0x020000).driver("e1000e").resetMethods("flr").net("eno1", true)
                .file("driver_override", "(null)");
        tree.device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("e1000e").group(3).resetMethods("flr")
                .file("driver_override", "(null)");
        tree.device("0000:03:00.0", 0x10de, 0x1b80, 0x030000).driver("nouveau").group(7).resetMethods("bus")
                .file("driver_override", "(null)");
        tree.device("0000:03:00.1", 0x10de, 0x10f0, 0x040300).driver("snd_hda_intel").group(7).resetMethods("bus")
                .file("driver_override", "(null)");
        kernel = new FakeKernel(host);
        context = Context.of(Map.of("XENCTL_HOST_ROOT", host.toString())).withSysfs(kernel);
    }

    private Result xenctl(String... args) {
        return Cli.runIn(context, args);
    }

    @Test
    void add_binds_to_pciback_says_what_it_took_and_a_second_add_is_a_no_op() {
        Result added = xenctl("pci-assignable-add", "-n", "nic0", "01:00.0");

        assertThat(added.exit()).as(added.toString()).isZero();
        assertThat(added.out()).isEqualTo("0000:01:00.0 is assignable (taken from e1000e)\n");
        assertThat(kernel.writes()).containsExactly(
                "devices/0000:01:00.0/driver_override <- pciback",
                "drivers/e1000e/unbind <- 0000:01:00.0",
                "drivers/pciback/bind <- 0000:01:00.0");

        kernel.writes().clear();
        Result again = xenctl("-o", "json", "pci-assignable-add", "01:00.0");
        assertThat(again.exit()).isZero();
        assertThat(again.json().get("devices").get(0).get("changed").asBoolean()).isFalse();
        assertThat(kernel.writes()).isEmpty();
    }

    @Test
    void list_prints_xls_lines_names_with_n_and_a_table_with_l() {
        xenctl("pci-assignable-add", "-n", "nic0", "--persistent", "01:00.0");

        assertThat(xenctl("pci-assignable-list").out()).isEqualTo("0000:01:00.0\n");
        assertThat(xenctl("pci-assignable-list", "-n").out()).isEqualTo("0000:01:00.0 nic0\n");
        Result table = xenctl("pci-assignable-list", "-l");
        assertThat(table.out()).startsWith("""
                Address       Name  State       Restore  Persistent  Description
                0000:01:00.0  nic0  assignable  e1000e   yes         8086:10d3
                """);
        JsonNode device = xenctl("-o", "json", "pci-assignable-list").json().get("devices").get(0);
        assertThat(device.get("state").asText()).isEqualTo("assignable");
        assertThat(device.get("driver_to_restore").asText()).isEqualTo("e1000e");
        assertThat(device.get("persistent").asBoolean()).isTrue();
    }

    @Test
    void a_device_dom0_uses_is_refused_with_the_reason_and_nothing_is_written_or_recorded() {
        Result refused = xenctl("pci-assignable-add", "00:19.0");

        assertThat(refused.exit()).isEqualTo(4);
        assertThat(refused.err()).isEqualTo("""
                xenctl: error: 0000:00:19.0 is not made assignable: dom0 uses it: network interface eno1 carries \
                the default route
                xenctl: hint: pci-check 0000:00:19.0 shows every reason; --force takes it from dom0 anyway
                """);
        assertThat(kernel.writes()).isEmpty();
        assertThat(host.resolve("var/lib/xenctl/pci")).doesNotExist();
    }

    @Test
    void with_group_takes_the_gpu_and_its_audio_together() {
        Result partial = xenctl("pci-assignable-add", "03:00.0");
        assertThat(partial.exit()).isEqualTo(4);
        assertThat(partial.err()).contains("add --with-group");

        Result group = xenctl("pci-assignable-add", "--with-group", "03:00.0");

        assertThat(group.exit()).as(group.toString()).isZero();
        assertThat(group.out()).isEqualTo("""
                0000:03:00.0 is assignable (taken from nouveau)
                0000:03:00.1 is assignable (taken from snd_hda_intel)
                """);
        assertThat(xenctl("pci-assignable-list").out()).isEqualTo("0000:03:00.0\n0000:03:00.1\n");
    }

    @Test
    void names_are_unique_and_never_look_like_an_address() {
        xenctl("pci-assignable-add", "-n", "nic0", "01:00.0");

        Result taken = xenctl("pci-assignable-add", "--with-group", "-n", "nic0", "03:00.0");
        assertThat(taken.exit()).isEqualTo(4);
        assertThat(taken.err()).startsWith("xenctl: error: the name 'nic0' is already given to 0000:01:00.0");
        Result address = xenctl("pci-assignable-add", "-n", "03:00.0", "--with-group", "03:00.0");
        assertThat(address.exit()).isEqualTo(2);
    }

    @Test
    void remove_by_name_with_r_gives_the_device_back_and_forgets_it() {
        try (LibvirtHypervisor keep = TestDriver.keep()) {
            xenctl("pci-assignable-add", "-n", "nic0", "01:00.0");
            kernel.writes().clear();

            Result removed = xenctl("-c", TestDriver.DEFAULT, "pci-assignable-remove", "-r", "nic0");

            assertThat(removed.exit()).as(removed.toString()).isZero();
            assertThat(removed.out()).isEqualTo("0000:01:00.0 is back on e1000e\n");
            assertThat(kernel.writes()).containsExactly(
                    "drivers/pciback/unbind <- 0000:01:00.0",
                    "devices/0000:01:00.0/driver_override <- \\n",
                    "drivers/e1000e/bind <- 0000:01:00.0");
            assertThat(xenctl("pci-assignable-list").out()).isEmpty();

            Result again = xenctl("-c", TestDriver.DEFAULT, "pci-assignable-remove", "-r", "01:00.0");
            assertThat(again.exit()).isZero();
            assertThat(again.out()).isEqualTo("0000:01:00.0 is on e1000e\n");
            Result unknown = xenctl("-c", TestDriver.DEFAULT, "pci-assignable-remove", "nic9");
            assertThat(unknown.exit()).isEqualTo(3);
        }
    }

    @Test
    void remove_is_refused_while_a_running_domain_has_the_device() {
        try (LibvirtHypervisor keep = TestDriver.keep()) {
            xenctl("pci-assignable-add", "01:00.0");
            keep.createTransient("""
                    <domain type='test'><name>web1</name><memory>131072</memory><os><type>hvm</type></os>
                    <devices><hostdev mode='subsystem' type='pci' managed='no'><source>
                    <address domain='0x0000' bus='0x01' slot='0x00' function='0x0'/></source></hostdev></devices>
                    </domain>""", false);
            kernel.writes().clear();

            Result refused = xenctl("-c", TestDriver.DEFAULT, "pci-assignable-remove", "-r", "01:00.0");

            assertThat(refused.exit()).isEqualTo(4);
            assertThat(refused.err()).isEqualTo("""
                    xenctl: error: 0000:01:00.0 is assigned to domain web1
                    xenctl: hint: pci-detach web1 0000:01:00.0 first
                    """);
            assertThat(kernel.writes()).isEmpty();
            assertThat(xenctl("-c", TestDriver.DEFAULT, "pci-host-list", "01:00.0").out())
                    .contains("assigned to web1");
        }
    }

    @Test
    void restore_after_a_reboot_binds_the_persistent_device_and_forgets_the_other() throws Exception {
        xenctl("pci-assignable-add", "--persistent", "01:00.0");
        xenctl("pci-assignable-add", "--with-group", "03:00.0");
        kernel.rebootGivesBack("0000:01:00.0", "e1000e");
        kernel.rebootGivesBack("0000:03:00.0", "nouveau");
        kernel.rebootGivesBack("0000:03:00.1", "snd_hda_intel");
        assertThat(xenctl("-o", "json", "pci-host-list", "01:00.0").json().get("devices").get(0).get("state")
                .asText()).isEqualTo("pending-at-next-boot");
        kernel.writes().clear();

        Result restored = xenctl("pci-restore");

        assertThat(restored.exit()).as(restored.toString()).isZero();
        assertThat(restored.out()).isEqualTo("""
                0000:01:00.0: bound: taken from e1000e: now assignable
                0000:03:00.0: forgotten: not persistent, and on nouveau again: the record is dropped
                0000:03:00.1: forgotten: not persistent, and on snd_hda_intel again: the record is dropped
                """);
        assertThat(kernel.writes()).containsExactly(
                "devices/0000:01:00.0/driver_override <- pciback",
                "drivers/e1000e/unbind <- 0000:01:00.0",
                "drivers/pciback/bind <- 0000:01:00.0");
        assertThat(xenctl("pci-assignable-list").out()).isEqualTo("0000:01:00.0\n");
    }

    @Test
    void list_without_pciback_is_an_error_not_an_empty_list() throws Exception {
        Path bare = host.resolve("bare");
        new SysfsTree(bare).device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("e1000e");
        Context noPciback = Context.of(Map.of("XENCTL_HOST_ROOT", bare.toString())).withSysfs(kernel);

        Result r = Cli.runIn(noPciback, "pci-assignable-list");

        assertThat(r.exit()).isEqualTo(6);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("xenctl: error: xen-pciback is not loaded");
        assertThat(Cli.runIn(noPciback, "pci-assignable-add", "01:00.0").exit()).isEqualTo(6);
    }

    @Test
    void a_remote_default_uri_is_never_taken_for_this_machine() {
        // No -c, but the defaults chain names another host: this machine's sysfs must not be touched.
        Context remote = Context.of(Map.of("XENCTL_HOST_ROOT", host.toString(),
                "XENCTL_DEFAULT_URI", "xen+ssh://root@dom0.invalid/system", "XENCTL_CONNECT_TIMEOUT", "5"))
                .withSysfs(kernel);

        Result add = Cli.runIn(remote, "pci-assignable-add", "01:00.0");
        Result check = Cli.runIn(remote, "pci-check", "01:00.0");

        assertThat(add.exit()).as(add.toString()).isNotZero();
        assertThat(kernel.writes()).isEmpty();
        assertThat(host.resolve("var/lib/xenctl/pci")).doesNotExist();
        assertThat(check.exit()).as(check.toString()).isEqualTo(1);
        assertThat(check.err()).contains("cannot work through xen+ssh://root@dom0.invalid/system");
    }
}
