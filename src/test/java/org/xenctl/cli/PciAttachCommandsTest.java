package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.DomainRef;
import org.xenctl.libvirt.LibvirtHypervisor;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.FakeKernel;
import org.xenctl.testing.SysfsTree;
import org.xenctl.testing.TestDriver;

/**
 * pci-attach, pci-detach and pci-list against libvirt's test driver: what is decided before libvirt is asked
 * (scope, idempotence, another domain's device, bad specs, names). The test driver has no device hot-plug at all, so
 * the attach and detach themselves are proven on real Xen (PciXenLabIT); here they reach libvirt and come back with
 * its refusal, which shows they were asked.
 */
class PciAttachCommandsTest {
    private static final String HOSTDEV = """
            <hostdev mode='subsystem' type='pci' managed='no'><source writeFiltering='no'>
            <address domain='0x0000' bus='0x01' slot='0x00' function='0x0'/></source>
            <address type='pci' domain='0x0000' bus='0x00' slot='0x04' function='0x0'/></hostdev>""";

    @TempDir
    Path host;

    private LibvirtHypervisor keep;
    private Context context;

    @BeforeEach
    void aTestHostAndADom0WithASpareNic() {
        keep = TestDriver.keep();
        new SysfsTree(host).pciback().device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("e1000e").group(3)
                .resetMethods("flr").file("driver_override", "(null)");
        context = Context.of(Map.of("XENCTL_HOST_ROOT", host.toString())).withSysfs(new FakeKernel(host));
    }

    @AfterEach
    void closeTheTestHost() {
        keep.close();
    }

    private Result xenctl(String... args) {
        return Cli.onTestDriverIn(context, args);
    }

    private void domain(String name, String devices) {
        keep.define("<domain type='test'><name>" + name + "</name><memory>131072</memory><os><type>hvm</type></os>"
                + "<devices>" + devices + "</devices></domain>");
    }

    @Test
    void list_prints_xls_vdev_and_device_and_json_with_the_options() {
        domain("web1", HOSTDEV);
        keep.start(keep.lookup(DomainRef.of("web1")).uuid(), false);

        Result list = xenctl("pci-list", "web1");

        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.out()).isEqualTo("Vdev Device\n04.0 0000:01:00.0\n");
        JsonNode json = xenctl("-o", "json", "pci-list", "web1").json();
        assertThat(json.get("source").asText()).isEqualTo("live");
        JsonNode device = json.get("devices").get(0);
        assertThat(device.get("address").asText()).isEqualTo("0000:01:00.0");
        assertThat(device.get("vslot").asInt()).isEqualTo(4);
        assertThat(device.get("permissive").asBoolean()).isTrue();
        assertThat(device.get("managed").asBoolean()).isFalse();
        assertThat(xenctl("pci-list", "test").out()).isEqualTo("Vdev Device\n");
    }

    @Test
    void list_of_a_shut_off_domain_reads_its_definition() {
        domain("web1", HOSTDEV);

        JsonNode json = xenctl("-o", "json", "pci-list", "web1").json();

        assertThat(json.get("source").asText()).isEqualTo("config");
        assertThat(json.get("devices")).hasSize(1);
    }

    @Test
    void attach_of_a_device_the_domain_has_live_and_in_its_definition_changes_nothing() {
        domain("web1", HOSTDEV);
        keep.start(keep.lookup(DomainRef.of("web1")).uuid(), false);

        Result again = xenctl("-o", "json", "pci-attach", "web1", "01:00.0");

        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        assertThat(xenctl("pci-attach", "web1", "0000:01:00.0,permissive=1").out())
                .isEqualTo("web1 has 0000:01:00.0 already: nothing to do\n");
    }

    @Test
    void attach_asks_libvirt_only_for_what_is_missing_and_reports_its_refusal() {
        domain("web1", "");
        keep.start(keep.lookup(DomainRef.of("web1")).uuid(), false);
        domain("web1", HOSTDEV);  // the definition has it now, the running domain not

        Result attach = xenctl("pci-attach", "web1", "01:00.0");

        // Only the live attach is asked: the test driver refuses device hot-plug, which is what comes back.
        assertThat(attach.exit()).isEqualTo(1);
        assertThat(attach.err()).startsWith("xenctl: error: cannot attach 0000:01:00.0 to domain web1: ")
                .contains("not supported");
        assertThat(xenctl("-o", "json", "pci-attach", "--config", "web1", "01:00.0").json().get("changed")
                .asBoolean()).isFalse();
    }

    @Test
    void attach_is_refused_while_another_running_domain_has_the_device() {
        keep.createTransient("<domain type='test'><name>db1</name><memory>131072</memory><os><type>hvm</type>"
                + "</os><devices>" + HOSTDEV + "</devices></domain>", false);

        Result refused = xenctl("pci-attach", "test", "01:00.0");

        assertThat(refused.exit()).isEqualTo(4);
        assertThat(refused.err()).isEqualTo("""
                xenctl: error: 0000:01:00.0 is assigned to domain db1
                xenctl: hint: pci-detach db1 0000:01:00.0 first
                """);
    }

    @Test
    void live_on_a_shut_off_domain_and_config_on_a_transient_one_are_refused() {
        domain("web1", "");
        keep.createTransient("<domain type='test'><name>tmp1</name><memory>131072</memory><os><type>hvm</type>"
                + "</os></domain>", false);

        Result live = xenctl("pci-attach", "--live", "web1", "01:00.0");
        Result config = xenctl("pci-detach", "--config", "tmp1", "01:00.0");

        assertThat(live.exit()).isEqualTo(4);
        assertThat(live.err()).startsWith("xenctl: error: domain web1 is not running: --live has nothing to change");
        assertThat(config.exit()).isEqualTo(4);
        assertThat(config.err()).startsWith("xenctl: error: domain tmp1 is transient");
    }

    @Test
    void a_bad_spec_is_refused_with_its_column_before_the_domain_is_read() {
        Result bad = xenctl("pci-attach", "no-such-domain", "01:00.0,permissive=yes");

        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).startsWith("xenctl: error: PCI_SPEC '01:00.0,permissive=yes': ")
                .contains("(column 9)");
        Result all = xenctl("pci-attach", "test", "01:00.*");
        assertThat(all.exit()).isEqualTo(2);
        assertThat(all.err()).contains("every function");
    }

    @Test
    void a_name_is_resolved_through_the_dom0s_records() {
        domain("web1", HOSTDEV);
        Result added = Cli.runIn(context, "pci-assignable-add", "-n", "nic0", "01:00.0");
        assertThat(added.exit()).as(added.toString()).isZero();

        Result detach = xenctl("pci-detach", "--config", "web1", "name=nic0");
        Result unknown = xenctl("pci-detach", "web1", "name=nic9");

        // Found by name: the detach reaches libvirt (the test driver refuses every device removal).
        assertThat(detach.err()).startsWith("xenctl: error: cannot detach 0000:01:00.0 from domain web1");
        assertThat(unknown.exit()).isEqualTo(3);
        assertThat(unknown.err()).startsWith("xenctl: error: no device is named 'nic9'");
    }

    @Test
    void detach_of_a_device_the_domain_does_not_have_changes_nothing_and_f_is_refused() {
        Result absent = xenctl("-o", "json", "pci-detach", "test", "01:00.0");
        Result forced = xenctl("pci-detach", "-f", "test", "01:00.0");

        assertThat(absent.exit()).isZero();
        assertThat(absent.json().get("changed").asBoolean()).isFalse();
        assertThat(forced.exit()).isEqualTo(1);
        assertThat(forced.err()).startsWith("xenctl: error: pci-detach -f (removal without the guest's cooperation) "
                + "has no libvirt equivalent");
    }
}
