package org.xenctl.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.xenctl.domain.DomainDetails.DiskDevice;
import org.xenctl.domain.PciAddress;
import org.xenctl.domain.DomainDetails.NetworkDevice;
import org.xenctl.domain.DomainDetails.PciDevice;

class DomainXmlTest {
    private static final String XML = """
            <domain type='xen'>
              <name>g</name>
              <os><type arch='x86_64'>xenpvh</type></os>
              <devices>
                <disk type='file' device='cdrom'><source file='/iso/x.iso'/><target dev='xvdc' bus='xen'/><readonly/></disk>
                <disk type='network' device='disk'><source protocol='rbd' name='pool/img'/><target dev='xvda'/></disk>
                <interface type='bridge'><mac address='00:16:3e:00:00:09'/><source bridge='br0'/><model type='e1000'/>
                  <target dev='vif3.0'/></interface>
                <hostdev mode='subsystem' type='pci' managed='no'>
                  <source><address domain='0x0000' bus='0x1a' slot='0x00' function='0x3'/></source>
                </hostdev>
                <hostdev mode='subsystem' type='usb'><source><vendor id='0x1'/></source></hostdev>
              </devices>
            </domain>
            """;

    @Test
    void reads_os_type_disks_nics_and_pci_devices() {
        DomainXml xml = DomainXml.parse(XML, "test");
        assertThat(xml.name()).contains("g");
        assertThat(xml.uuid()).isEmpty();
        assertThat(xml.osType()).isEqualTo("xenpvh");
        assertThat(xml.disks()).containsExactly(
                new DiskDevice("xvdc", "xen", "cdrom", "/iso/x.iso", true, null),
                new DiskDevice("xvda", "", "disk", "pool/img", false, null));
        assertThat(xml.nics()).containsExactly(
                new NetworkDevice("00:16:3e:00:00:09", "bridge", "br0", "e1000", "vif3.0", null));
        assertThat(xml.pciDevices()).containsExactly(new PciDevice(PciAddress.parseOrNull("0000:1a:00.3"), false));
    }

    @Test
    void adds_a_uuid_after_the_name() {
        String with = DomainXml.parse(XML, "test").withUuid("6695eb01-f6a4-8304-79aa-97f2502e193f");
        DomainXml reparsed = DomainXml.parse(with, "again");
        assertThat(reparsed.uuid()).contains("6695eb01-f6a4-8304-79aa-97f2502e193f");
        assertThat(with.indexOf("<uuid>")).isGreaterThan(with.indexOf("<name>"));
        assertThat(reparsed.disks()).hasSize(2);
    }

    @Test
    void refuses_entities_and_reports_positions() {
        assertThatThrownBy(() -> DomainXml.parse("<!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<domain>&x;</domain>", "f.xml")).hasMessageStartingWith("f.xml:1:");
        assertThatThrownBy(() -> DomainXml.parse("<domain>\n<name>x</nam>\n</domain>", "f.xml"))
                .hasMessageStartingWith("f.xml:2:");
    }
}
