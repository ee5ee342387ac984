package org.xenctl.host.pci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.PciAddress;
import org.xenctl.testing.SysfsTree;
import org.xenctl.host.pci.PciCheck.Reason;
import org.xenctl.host.pci.PciCheck.Report;
import org.xenctl.host.pci.PciCheck.Verdict;

/** The preflight's verdict on the host layouts that hurt xl's and libvirt's users, as sysfs trees. */
class PciCheckTest {
    @TempDir
    Path dir;

    private Report check(SysfsTree tree, String bdf) {
        return new PciCheck(PciInventory.of(tree.root(), PciIds.none())).check(PciAddress.parseOrNull(bdf));
    }

    private static String codes(Report report) {
        return String.join(",", report.reasons().stream().map(Reason::code).toList());
    }

    @Test
    void a_spare_nic_with_flr_is_assignable() {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("e1000e").group(3).resetMethods("flr bus")
                .net("ens1", false);

        Report report = check(tree, "01:00.0");

        assertThat(report.verdict()).isEqualTo(Verdict.ASSIGNABLE);
        assertThat(codes(report)).isEqualTo("host-driver");
        assertThat(report.reasons().get(0).message()).contains("bound to e1000e");
    }

    @Test
    void a_gpu_whose_hdmi_audio_stays_with_the_host_is_refused_with_the_peer_named() {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:03:00.0", 0x10de, 0x1b80, 0x030000).driver("nouveau").group(7).resetMethods("bus");
        tree.device("0000:03:00.1", 0x10de, 0x10f0, 0x040300).driver("snd_hda_intel").group(7)
                .resetMethods("bus");

        Report report = check(tree, "0000:03:00.0");

        assertThat(report.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(report.reasons()).filteredOn(r -> r.code().equals("iommu-group")).singleElement()
                .extracting(Reason::message).isEqualTo("0000:03:00.0 is in IOMMU group 7 with 0000:03:00.1, which "
                        + "is still bound to snd_hda_intel: make the whole group assignable");
    }

    @Test
    void a_group_whose_peers_are_on_pciback_or_bridges_is_fine() {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:00:1c.0", 0x8086, 0xa110, 0x060400).driver("pcieport").group(7);
        tree.device("0000:03:00.0", 0x10de, 0x1b80, 0x030000).driver("nouveau").group(7).resetMethods("bus");
        tree.device("0000:03:00.1", 0x10de, 0x10f0, 0x040300).driver("pciback").group(7).resetMethods("bus");

        assertThat(check(tree, "03:00.0").verdict()).isEqualTo(Verdict.ASSIGNABLE);
    }

    @Test
    void the_nic_that_carries_the_default_route_is_refused() {
        SysfsTree tree = new SysfsTree(dir).pciback().defaultRoute("eno1");
        tree.device("0000:00:19.0", 0x8086, 0x15b8, 0x020000).driver("e1000e").resetMethods("flr")
                .net("eno1", true);

        Report report = check(tree, "00:19.0");

        assertThat(report.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(report.reasons().get(0).message())
                .isEqualTo("dom0 uses it: network interface eno1 carries the default route");
    }

    @Test
    void an_interface_that_is_up_is_a_use_and_one_that_is_down_is_not() {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:02:00.0", 0x8086, 0x1533, 0x020000).driver("igb").resetMethods("flr").net("enp2s0", true);
        tree.device("0000:02:00.1", 0x8086, 0x1533, 0x020000).driver("igb").resetMethods("flr")
                .net("enp2s1", false);

        assertThat(check(tree, "02:00.0").reasons().get(0).message())
                .isEqualTo("dom0 uses it: network interface enp2s0 is up");
        assertThat(check(tree, "02:00.1").verdict()).isEqualTo(Verdict.ASSIGNABLE);
    }

    @Test
    void a_virtio_nic_whose_interface_sits_below_virtio0_is_seen_in_use() {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:00:03.0", 0x1af4, 0x1041, 0x020000).driver("virtio-pci").netBelow("virtio0", "eth0", true);

        assertThat(check(tree, "00:03.0").reasons().get(0).message())
                .isEqualTo("dom0 uses it: network interface eth0 is up");
    }

    @Test
    void the_disk_controller_with_mounted_filesystems_and_swap_is_refused_with_each_use() {
        SysfsTree tree = new SysfsTree(dir).pciback()
                .mount("/dev/sda1 / ext4 rw,relatime 0 0")
                .mount("/dev/sdab1 /srv ext4 rw 0 0")
                .mount("proc /proc proc rw 0 0")
                .swap("/dev/sda2");
        tree.device("0000:00:17.0", 0x8086, 0xa352, 0x010601).driver("ahci").resetMethods("bus").disk("sda");

        Report report = check(tree, "00:17.0");

        assertThat(report.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(report.reasons()).filteredOn(r -> r.code().equals("used-by-dom0")).extracting(Reason::message)
                .containsExactly("dom0 uses it: /dev/sda1 is mounted on /", "dom0 uses it: /dev/sda2 is in use as swap");
    }

    @Test
    void the_boot_vga_is_refused() {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:00:02.0", 0x8086, 0x3e92, 0x030000).driver("i915").resetMethods("flr")
                .file("boot_vga", "1");

        assertThat(check(tree, "00:02.0").reasons().get(0).message())
                .isEqualTo("dom0 uses it: it is the boot VGA device (dom0's console)");
    }

    @Test
    void a_device_without_any_reset_method_is_a_warning_not_a_refusal() {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:00:14.0", 0x8086, 0xa12f, 0x0c0330).driver("xhci_hcd");

        Report report = check(tree, "00:14.0");

        assertThat(report.verdict()).isEqualTo(Verdict.WARNINGS);
        assertThat(codes(report)).isEqualTo("no-reset,host-driver");
        assertThat(report.reasons().get(0).message()).contains("Unable to reset PCI device");
    }

    @Test
    void without_pciback_nothing_is_assignable() {
        SysfsTree tree = new SysfsTree(dir);
        tree.device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("e1000e").resetMethods("flr");

        Report report = check(tree, "01:00.0");

        assertThat(report.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(report.reasons().get(0).message()).isEqualTo("xen-pciback is not loaded (no "
                + "/sys/bus/pci/drivers/pciback): run modprobe xen-pciback");
    }

    @Test
    void a_bridge_is_refused() {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:00:1c.0", 0x8086, 0xa110, 0x060400).driver("pcieport");

        Report report = check(tree, "00:1c.0");

        assertThat(report.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(codes(report)).isEqualTo("bridge,host-driver");
    }

    @Test
    void an_sriov_virtual_function_is_assignable_and_says_whose_it_is() {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:04:00.0", 0x8086, 0x1521, 0x020000).driver("igb").resetMethods("flr")
                .net("enp4s0", true).virtualFunction(0, "0000:04:10.0").virtualFunction(1, "0000:04:10.4");
        tree.device("0000:04:10.0", 0x8086, 0x1520, 0x020000).driver("igbvf").resetMethods("flr")
                .physicalFunction("0000:04:00.0");
        tree.device("0000:04:10.4", 0x8086, 0x1520, 0x020000).resetMethods("flr").physicalFunction("0000:04:00.0");

        Report vf = check(tree, "04:10.0");

        assertThat(vf.verdict()).isEqualTo(Verdict.ASSIGNABLE);
        assertThat(vf.reasons().get(0).message()).isEqualTo("an SR-IOV virtual function of 0000:04:00.0");
        PciDevice pf = PciInventory.of(tree.root(), PciIds.none()).find(PciAddress.parseOrNull("04:00.0"))
                .orElseThrow();
        assertThat(pf.virtualFunctions()).extracting(PciAddress::toString)
                .containsExactly("0000:04:10.0", "0000:04:10.4");
        assertThat(check(tree, "04:00.0").verdict()).isEqualTo(Verdict.REFUSED);
    }

    @Test
    void a_device_already_on_pciback_is_assignable_and_an_unknown_one_is_not_found() {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("pciback").resetMethods("flr");

        assertThat(codes(check(tree, "01:00.0"))).isEqualTo("on-pciback");
        Report missing = check(tree, "09:00.0");
        assertThat(missing.verdict()).isEqualTo(Verdict.NOT_FOUND);
        assertThat(missing.reasons().get(0).message())
                .isEqualTo("no PCI device 0000:09:00.0 on this host (pci-host-list shows them)");
    }
}
