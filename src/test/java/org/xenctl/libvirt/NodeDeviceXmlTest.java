package org.xenctl.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.NodePciDevice;
import org.xenctl.domain.XenctlException;

class NodeDeviceXmlTest {

    /** As the Xen lab's libvirtd describes its spare NIC (virsh nodedev-dumpxml pci_0000_01_00_0). */
    @Test
    void a_pci_device_with_its_driver_ids_and_names() {
        NodePciDevice nic = NodeDeviceXml.pci("""
                <device>
                  <name>pci_0000_01_00_0</name>
                  <path>/sys/devices/pci0000:00/0000:00:04.0/0000:01:00.0</path>
                  <parent>pci_0000_00_04_0</parent>
                  <driver>
                    <name>e1000e</name>
                  </driver>
                  <capability type='pci'>
                    <class>0x020000</class>
                    <domain>0</domain>
                    <bus>1</bus>
                    <slot>0</slot>
                    <function>0</function>
                    <product id='0x10d3'>82574L Gigabit Network Connection</product>
                    <vendor id='0x8086'>Intel Corporation</vendor>
                    <pci-express>
                      <link validity='cap' port='0' speed='2.5' width='1'/>
                    </pci-express>
                  </capability>
                </device>""");

        assertThat(nic).isEqualTo(new NodePciDevice("0000:01:00.0", 0x8086, 0x10d3, "Intel Corporation",
                "82574L Gigabit Network Connection", 0x020000, "e1000e", null, List.of(), null, List.of()));
        assertThat(nic.bridge()).isFalse();
    }

    @Test
    void sriov_functions_and_the_iommu_group_are_read_and_a_non_pci_device_is_not() {
        NodePciDevice pf = NodeDeviceXml.pci("""
                <device><name>pci_0000_04_00_0</name><driver><name>igb</name></driver>
                  <capability type='pci'><class>0x020000</class>
                    <domain>0</domain><bus>4</bus><slot>0</slot><function>0</function>
                    <product id='0x1521'/><vendor id='0x8086'>Intel Corporation</vendor>
                    <capability type='virt_functions' maxCount='7'>
                      <address domain='0x0000' bus='0x04' slot='0x10' function='0x0'/>
                    </capability>
                    <iommuGroup number='12'><address domain='0x0000' bus='0x04' slot='0x00' function='0x0'/>
                    </iommuGroup>
                  </capability></device>""");

        assertThat(pf.virtualFunctions()).containsExactly("0000:04:10.0");
        assertThat(pf.iommuGroup()).isEqualTo(12);
        assertThat(pf.groupMembers()).containsExactly("0000:04:00.0");
        assertThat(pf.deviceName()).isNull();
        assertThat(NodeDeviceXml.pci("<device><name>computer</name><capability type='system'/></device>")).isNull();
    }

    /** A remote host of another libvirt version, or a broken one: its answer, exit 1, not xenctl's bug (exit 70). */
    @Test
    void a_number_libvirt_never_writes_is_a_failed_answer_not_an_internal_error() {
        for (String capability : List.of("<domain>0x1ffffffff</domain>", "<bus>z</bus>", "<vendor id='0xg'/>",
                "<iommuGroup number='-'/>",
                "<capability type='virt_functions'><address domain='0' bus='0' slot='x' function='0'/></capability>")) {
            assertThatThrownBy(() -> NodeDeviceXml.pci("<device><name>pci_x</name><capability type='pci'>"
                    + capability + "</capability></device>"))
                    .as(capability)
                    .isInstanceOfSatisfying(XenctlException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED))
                    .hasMessageStartingWith("libvirt described a node device with a number xenctl cannot read");
        }
    }
}
