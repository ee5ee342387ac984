package org.xenctl.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xenctl.domain.DomainDetails.DiskDevice;
import org.xenctl.domain.PciAddress;
import org.xenctl.domain.DomainDetails.NetworkDevice;
import org.xenctl.domain.DomainDetails.PciDevice;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

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
    void memory_sizes_in_every_unit_libvirts_schema_takes_come_out_in_kib_for_both_readers() {
        String[][] cases = {{"", "131072", "131072"}, {"KiB", "131072", "131072"}, {"k", "131072", "131072"},
                {"MiB", "128", "131072"}, {"M", "128", "131072"}, {"GiB", "1", "1048576"}, {"G", "1", "1048576"},
                {"TiB", "1", "1073741824"}, {"b", "134217728", "131072"}, {"bytes", "134217728", "131072"},
                {"KB", "1024", "1000"}, {"MB", "1024", "1000000"}, {"GB", "1", "976562"}, {"TB", "1", "976562500"}};
        for (String[] c : cases) {
            String unit = c[0].isEmpty() ? "" : " unit='" + c[0] + "'";
            String domain = "<domain type='xen'><name>m</name><memory" + unit + ">" + c[1] + "</memory>"
                    + "<vcpu>1</vcpu><os><type>xen</type></os></domain>";
            long kib = Long.parseLong(c[2]);
            assertThat(DomainXml.parse(domain, "test").resources().maxMemoryKiB()).as(c[0]).isEqualTo(kib);
            assertThat(SpecXmlReader.read(domain, "test").spec().maxMemoryMiB()).as(c[0]).isEqualTo(kib / 1024);
        }
    }

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

    /** mem-set and vcpu-set read the live XML: a number libvirt never writes is its failed answer, exit 1. */
    @Test
    void resources_libvirt_would_never_write_are_a_failed_answer_not_an_internal_error() {
        for (String resources : List.of("<memory>26:144</memory>", "<memory unit='TiB'>99999999999999</memory>",
                "<memory>1</memory><vcpu>abc</vcpu>", "<memory>1</memory><vcpu current='x'>2</vcpu>")) {
            DomainXml xml = DomainXml.parse("<domain><name>m</name>" + resources + "</domain>", "test");
            assertThatThrownBy(xml::resourcesAsLibvirtWrote)
                    .as(resources)
                    .isInstanceOfSatisfying(XenctlException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED))
                    .hasMessageStartingWith("libvirt described the domain's memory or vCPUs with a number");
        }
    }

    @Test
    void a_redefinition_keeps_the_uuid_and_the_macs_the_file_leaves_out() {
        String existing = """
                <domain type='xen'><name>g</name><uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid><devices>
                  <interface type='bridge'><mac address='00:16:3e:00:00:01'/><source bridge='br0'/></interface>
                  <interface type='bridge'><mac address='00:16:3e:00:00:02'/><source bridge='br1'/></interface>
                  <interface type='bridge'><mac address='00:16:3e:00:00:03'/><source bridge='br2'/></interface>
                </devices></domain>
                """;
        String file = """
                <domain type='xen'><name>g</name><devices>
                  <interface type='bridge'><source bridge='br0'/></interface>
                  <interface type='bridge'><mac address='00:16:3e:00:00:09'/><source bridge='br1'/></interface>
                  <interface type='bridge'><source bridge='br2'/></interface>
                  <interface type='bridge'><source bridge='br3'/></interface>
                </devices></domain>
                """;

        String again = DomainXml.parse(file, "test").forRedefinition(DomainXml.parse(existing, "existing"));

        DomainXml reparsed = DomainXml.parse(again, "again");
        assertThat(reparsed.uuid()).contains("6695eb01-f6a4-8304-79aa-97f2502e193f");
        assertThat(again.indexOf("<uuid>")).isGreaterThan(again.indexOf("<name>"));
        // the first and third keep theirs, the second is the file's, the fourth is new: libvirt makes it one
        assertThat(reparsed.nics()).extracting(nic -> nic.mac())
                .containsExactly("00:16:3e:00:00:01", "00:16:3e:00:00:09", "00:16:3e:00:00:03", "");
    }

    @Test
    void refuses_entities_and_reports_positions() {
        assertThatThrownBy(() -> DomainXml.parse("<!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<domain>&x;</domain>", "f.xml")).hasMessageStartingWith("f.xml:1:");
        assertThatThrownBy(() -> DomainXml.parse("<domain>\n<name>x</nam>\n</domain>", "f.xml"))
                .hasMessageStartingWith("f.xml:2:");
    }
}
