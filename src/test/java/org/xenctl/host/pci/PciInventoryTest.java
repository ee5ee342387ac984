package org.xenctl.host.pci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.PciAddress;
import org.xenctl.testing.SysfsTree;

class PciInventoryTest {
    @TempDir
    Path dir;

    @Test
    void reads_every_function_with_ids_names_driver_group_and_reset_methods() throws Exception {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("e1000e").group(3).resetMethods("flr bus");
        tree.device("0000:00:1f.3", 0x8086, 0xa348, 0x040300);
        Files.createDirectories(dir.resolve("usr/share/misc"));
        Files.writeString(dir.resolve("usr/share/misc/pci.ids"), String.join("\n", List.of(
                "# pci.ids excerpt", "8086  Intel Corporation", "\t10d3  82574L Gigabit Network Connection",
                "\t\t8086 0000  subsystem", "C 02  Network controller", "\t00  Ethernet controller")) + "\n");

        List<PciDevice> devices = PciInventory.of(dir).devices();

        assertThat(devices).extracting(d -> d.address().toString()).containsExactly("0000:00:1f.3", "0000:01:00.0");
        PciDevice nic = devices.get(1);
        assertThat(nic.ids()).isEqualTo("8086:10d3");
        assertThat(nic.description()).isEqualTo("Intel Corporation 82574L Gigabit Network Connection");
        assertThat(nic.driver()).isEqualTo("e1000e");
        assertThat(nic.iommuGroup()).isEqualTo(3);
        assertThat(nic.resetMethods()).containsExactly("flr", "bus");
        assertThat(nic.bridge()).isFalse();
        PciDevice audio = devices.get(0);
        assertThat(audio.driver()).isNull();
        assertThat(audio.iommuGroup()).isNull();
        assertThat(audio.resetMethods()).isEmpty();
        assertThat(audio.description()).isEqualTo("Intel Corporation device a348");
    }

    @Test
    void an_address_is_read_with_or_without_its_domain_and_printed_in_full() {
        assertThat(PciAddress.parseOrNull("01:00.0")).hasToString("0000:01:00.0");
        assertThat(PciAddress.parseOrNull("0001:0A:1f.7")).hasToString("0001:0a:1f.7");
        assertThat(PciAddress.parseOrNull("01:20.0")).isNull();
        assertThat(PciAddress.parseOrNull("01:00.8")).isNull();
        assertThat(PciAddress.parseOrNull("sda")).isNull();
    }

    @Test
    void a_host_without_pci_sysfs_has_no_devices() {
        assertThat(PciInventory.of(dir).devices()).isEmpty();
        assertThat(PciInventory.of(dir).pcibackLoaded()).isFalse();
    }
}
