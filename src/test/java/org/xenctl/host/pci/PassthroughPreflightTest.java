package org.xenctl.host.pci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.PciAddress;
import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.testing.SysfsTree;

/** What create and start check before libvirt is asked for a domain with host PCI devices. */
class PassthroughPreflightTest {
    @TempDir
    Path host;

    private PassthroughPreflight preflight;

    @BeforeEach
    void aHost() {
        SysfsTree tree = new SysfsTree(host).pciback().defaultRoute("eno1");
        tree.device("0000:00:19.0", 0x8086, 0x15b8, 0x020000).driver("e1000e").resetMethods("flr").net("eno1", true);
        tree.device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("e1000e").resetMethods("flr");
        tree.device("0000:02:00.0", 0x8086, 0x10d3, 0x020000).driver("pciback").resetMethods("flr");
        tree.device("0000:03:00.0", 0x10de, 0x1b80, 0x030000).driver("pciback").group(7).resetMethods("bus");
        tree.device("0000:03:00.1", 0x10de, 0x10f0, 0x040300).driver("snd_hda_intel").group(7).resetMethods("bus");
        preflight = new PassthroughPreflight(PciInventory.of(host, PciIds.none()));
    }

    private static List<DomainDetails.PciDevice> wants(String address, boolean managed) {
        return List.of(new DomainDetails.PciDevice(PciAddress.parseOrNull(address), managed));
    }

    @Test
    void a_device_on_pciback_passes_and_a_managed_one_on_its_driver_is_left_to_libvirt() {
        assertThatCode(() -> preflight.check(wants("0000:02:00.0", false), "domain web")).doesNotThrowAnyException();
        assertThatCode(() -> preflight.check(wants("0000:01:00.0", true), "domain web")).doesNotThrowAnyException();
    }

    @Test
    void a_device_not_made_assignable_is_refused_with_what_to_run() {
        assertThatThrownBy(() -> preflight.check(wants("0000:01:00.0", false), "domain web"))
                .isInstanceOfSatisfying(XenctlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_REFUSED);
                    assertThat(e.getMessage()).isEqualTo(
                            "domain web cannot have 0000:01:00.0: it is not assignable (bound to e1000e)");
                    assertThat(e.hint()).startsWith(
                            "xenctl pci-assignable-add 0000:01:00.0 first");
                });
    }

    @Test
    void a_device_dom0_uses_a_split_group_or_a_missing_device_is_refused_even_managed() {
        assertThatThrownBy(() -> preflight.check(wants("0000:00:19.0", true), "domain web"))
                .hasMessage("domain web cannot have 0000:00:19.0: dom0 uses it: network interface eno1 carries "
                        + "the default route");
        assertThatThrownBy(() -> preflight.check(wants("0000:03:00.0", false), "domain web"))
                .hasMessageContaining("in IOMMU group 7 with 0000:03:00.1, which is still bound to snd_hda_intel");
        assertThatThrownBy(() -> preflight.check(wants("0000:05:00.0", false), "domain web"))
                .isInstanceOfSatisfying(XenctlException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_NOT_FOUND));
    }
}
