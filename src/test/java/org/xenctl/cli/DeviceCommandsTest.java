package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;


import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.DomainRef;
import org.xenctl.libvirt.LibvirtHypervisor;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.TestDriver;

/**
 * network-attach/-detach/-list and block-attach/-detach/-list against libvirt's test driver: the listings, the
 * device XML (--dry-run), what is decided before libvirt is asked (scope, idempotence, refusals, bad specs). The
 * test driver has no device hot-plug at all (virDomainAttachDeviceFlags is "not supported"), so an attach or
 * detach that gets that far comes back with its refusal, which shows libvirt was asked; the hot-plug itself is
 * proven on real Xen (DevicesXenLabIT).
 */
class DeviceCommandsTest {
    private static final String NICS = """
            <interface type='bridge'><mac address='00:16:3e:00:00:01'/><source bridge='xenbr0'/>
            <target dev='vif5.0'/><model type='e1000'/></interface>
            <interface type='bridge'><mac address='00:16:3e:00:00:02'/><source bridge='xenbr1'/>
            <backenddomain name='netdom'/></interface>""";
    private static final String DISKS = """
            <disk type='file' device='disk'><source file='/srv/web1.img'/><target dev='xvda' bus='xen'/></disk>
            <disk type='file' device='cdrom'><target dev='xvdc' bus='xen'/><readonly/></disk>""";

    private LibvirtHypervisor keep;

    @BeforeEach
    void aTestHost() {
        keep = TestDriver.keep();
    }

    @AfterEach
    void closeIt() {
        keep.close();
    }

    private static Result xenctl(String... args) {
        return Cli.onTestDriver(args);
    }

    private void domain(String name, String devices, boolean running) {
        keep.define("<domain type='test'><name>" + name + "</name><memory>131072</memory><os><type>hvm</type></os>"
                + "<devices>" + devices + "</devices></domain>");
        if (running) {
            keep.start(keep.lookup(DomainRef.of(name)).uuid(), false);
        }
    }

    @Test
    void network_list_shows_xls_index_and_mac_with_bridge_vifname_model_and_driver_domain() {
        domain("web1", NICS, true);

        Result list = xenctl("network-list", "web1");

        // The running domain's second interface has the name the test driver gave it.
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.out()).isEqualTo("""
                Idx  BE      Mac Addr.          Bridge  Vifname   Model
                  0  0       00:16:3e:00:00:01  xenbr0  vif5.0    e1000
                  1  netdom  00:16:3e:00:00:02  xenbr1  testnet0  -
                """);
        JsonNode json = xenctl("-o", "json", "network-list", "web1").json().get("domains").get(0);
        assertThat(json.get("source").asText()).isEqualTo("live");
        assertThat(json.get("nics").get(1).get("backend").asText()).isEqualTo("netdom");
        JsonNode config = xenctl("-o", "json", "network-list", "--config", "web1").json().get("domains").get(0);
        assertThat(config.get("source").asText()).isEqualTo("config");
        assertThat(config.get("nics").get(0).get("mac").asText()).isEqualTo("00:16:3e:00:00:01");
        assertThat(config.get("nics").get(1).get("model").isNull()).isTrue();
    }

    @Test
    void lists_of_several_domains_name_each_row_and_a_shut_off_domain_is_read_from_its_definition() {
        domain("web1", NICS + DISKS, true);
        domain("web2", NICS.replace("00:00:0", "00:01:0") + DISKS.replace("web1", "web2"), false);

        Result nics = xenctl("network-list", "web1", "web2");
        Result disks = xenctl("block-list", "web1", "web2");

        assertThat(nics.out()).startsWith("Domain  Idx  BE").contains("web2      0  0       00:16:3e:00:01:01");
        assertThat(disks.out()).isEqualTo("""
                Domain  Vdev  BE  Type   Access  Target
                web1    xvda  0   disk   rw      /srv/web1.img
                web1    xvdc  0   cdrom  ro      -
                web2    xvda  0   disk   rw      /srv/web2.img
                web2    xvdc  0   cdrom  ro      -
                """);
        JsonNode json = xenctl("-o", "json", "block-list", "web2").json().get("domains").get(0);
        assertThat(json.get("source").asText()).isEqualTo("config");
        assertThat(json.get("disks").get(1).get("target").isNull()).isTrue();
    }

    @Test
    void network_attach_dry_run_prints_the_interface_with_a_generated_xen_mac_and_connects_to_nothing() {
        Result dry = Cli.run("-c", "xen+ssh://nowhere.invalid/system", "network-attach", "-n", "web1",
                "bridge=xenbr1", "model=e1000", "rate=10Mb/s", "mtu=9000");

        assertThat(dry.exit()).as(dry.toString()).isZero();
        assertThat(dry.out()).matches("(?s)<interface type=\"bridge\">\n  <mac address=\"00:16:3e:[0-7][0-9a-f]:"
                + "[0-9a-f]{2}:[0-9a-f]{2}\"/>\n  <source bridge=\"xenbr1\"/>\n  <model type=\"e1000\"/>\n"
                + "  <bandwidth>\n    <outbound average=\"1221\"/>\n  </bandwidth>\n  <mtu size=\"9000\"/>\n"
                + "</interface>\n");
        JsonNode json = Cli.run("-o", "json", "network-attach", "--dry-run", "web1", "mac=00:16:3E:AA:BB:CC,"
                + "bridge=br0").json();
        assertThat(json.get("device").asText()).isEqualTo("00:16:3e:aa:bb:cc");
        assertThat(json.get("xml").asText()).contains("<mac address=\"00:16:3e:aa:bb:cc\"/>");
    }

    @Test
    void block_attach_dry_run_prints_the_disk_from_xls_positional_or_keyed_spec() {
        Result positional = Cli.run("block-attach", "-n", "web1", "/srv/data.img,raw,xvdb,ro");
        // xl's rule: target= takes the rest of the spec, so it comes last.
        Result keyed = Cli.run("block-attach", "-n", "web1", "format=raw", "vdev=xvdb", "access=ro",
                "target=/srv/data.img");

        assertThat(positional.exit()).as(positional.toString()).isZero();
        assertThat(positional.out()).isEqualTo("""
                <disk device="disk" type="file">
                  <driver type="raw"/>
                  <source file="/srv/data.img"/>
                  <target bus="xen" dev="xvdb"/>
                  <readonly/>
                </disk>
                """);
        assertThat(keyed.out()).isEqualTo(positional.out());
    }

    @Test
    void a_key_after_target_is_refused_with_the_spec_written_the_right_way_round() {
        Result wrong = Cli.run("block-attach", "-n", "web1", "target=/srv/data.img,vdev=xvdb");
        assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(2);
        assertThat(wrong.err()).startsWith("xenctl: error: DISK_SPEC 'target=/srv/data.img,vdev=xvdb': target= "
                + "takes the rest of the spec, so 'vdev=' after it is part of the path '/srv/data.img,vdev=xvdb'")
                .contains("write target= last: 'vdev=xvdb,target=/srv/data.img'");
        // With --compat, as xl does: the path is all that follows target=, access=ro with it (so read-write).
        Result compat = Cli.run("block-attach", "-n", "--compat", "web1", "vdev=xvdb,target=/srv/data.img,access=ro");
        assertThat(compat.exit()).as(compat.toString()).isZero();
        assertThat(compat.out()).contains("<source file=\"/srv/data.img,access=ro\"/>").doesNotContain("readonly");
        assertThat(compat.err()).contains("(accepted as xl does, --compat)");
    }

    @Test
    void a_character_pasted_into_a_spec_is_named_where_the_quote_shows_nothing_wrong() {
        Result nbsp = Cli.run("block-attach", "-n", "web1", "/srv/data.img,raw,xvdb,\u00a0access=ro");
        Result zwsp = Cli.run("network-attach", "-n", "web1", "bridge=xenbr0,\u200bmtu=1500");

        assertThat(nbsp.exit()).as(nbsp.toString()).isEqualTo(2);
        assertThat(nbsp.err()).contains("unknown parameter '\u00a0access': it holds U+00A0 NO-BREAK SPACE, which "
                + "looks like a space").contains("hint: type a plain space there (text copied from a web page");
        assertThat(zwsp.exit()).as(zwsp.toString()).isEqualTo(2);
        assertThat(zwsp.err()).contains("it holds U+200B ZERO WIDTH SPACE, an invisible character")
                .contains("hint: delete it (text copied from a web page");
    }

    @Test
    void a_bad_spec_is_a_usage_error_with_its_column_and_nothing_is_asked() {
        Result net = xenctl("network-attach", "test", "bridge=br0", "mtu=99999999999");
        Result disk = xenctl("block-attach", "test", "/srv/x.img,raw");

        assertThat(net.exit()).isEqualTo(2);
        assertThat(net.err()).startsWith("xenctl: error: NET_SPEC 'bridge=br0,mtu=99999999999': ")
                .contains("(column 12)");
        assertThat(disk.exit()).isEqualTo(2);
        assertThat(disk.err()).startsWith("xenctl: error: DISK_SPEC '/srv/x.img,raw': ");
    }

    @Test
    void attaching_what_the_domain_has_changes_nothing_and_what_is_missing_reaches_libvirt() {
        domain("web1", NICS + DISKS, true);

        JsonNode again = xenctl("-o", "json", "network-attach", "web1", "mac=00:16:3E:00:00:01").json();
        Result disk = xenctl("block-attach", "web1", "/srv/web1.img,raw,xvda,rw");
        Result newNic = xenctl("network-attach", "web1", "mac=00:16:3e:00:00:07", "bridge=xenbr0");
        Result newDisk = xenctl("block-attach", "web1", "/srv/data.img,raw,xvdb,rw");

        assertThat(again.get("changed").asBoolean()).isFalse();
        assertThat(again.get("kind").asText()).isEqualTo("nic");
        assertThat(disk.exit()).isZero();
        assertThat(disk.out()).isEqualTo("web1 has xvda already: nothing to do\n");
        assertThat(newNic.exit()).isEqualTo(1);
        assertThat(newNic.err()).startsWith("xenctl: error: cannot attach interface 00:16:3e:00:00:07 to domain "
                + "web1: ").contains("virDomainAttachDeviceFlags");
        assertThat(newDisk.exit()).isEqualTo(1);
        assertThat(newDisk.err()).startsWith("xenctl: error: cannot attach disk xvdb to domain web1: ");
    }

    @Test
    void detach_of_what_is_gone_changes_nothing_and_an_index_names_the_interface_at_that_place() {
        domain("web1", NICS + DISKS, true);

        JsonNode gone = xenctl("-o", "json", "network-detach", "web1", "00:16:3e:00:00:09").json();
        Result noIndex = xenctl("network-detach", "web1", "7");
        Result noDisk = xenctl("block-detach", "web1", "xvdz");
        Result byIndex = xenctl("network-detach", "web1", "1");
        Result disk = xenctl("block-detach", "web1", "xvdc");

        assertThat(gone.get("changed").asBoolean()).isFalse();
        assertThat(noIndex.out()).isEqualTo("web1 has no interface 7: nothing to do\n");
        assertThat(noDisk.out()).isEqualTo("web1 has no xvdz: nothing to do\n");
        assertThat(byIndex.err()).startsWith("xenctl: error: cannot detach interface 00:16:3e:00:00:02 from "
                + "domain web1: ");
        assertThat(disk.err()).startsWith("xenctl: error: cannot detach disk xvdc from domain web1: ");
        assertThat(xenctl("network-detach", "web1", "eth0").exit()).isEqualTo(2);
        assertThat(xenctl("block-detach", "web1", "/dev/xvdb").exit()).isEqualTo(2);
    }

    @Test
    void refusals_come_before_libvirt_is_asked() {
        domain("web1", NICS + DISKS, true);
        domain("web2", "", true);
        domain("netdom", "", false);

        Result mac = xenctl("network-attach", "web2", "mac=00:16:3e:00:00:02");
        Result noBackend = xenctl("network-attach", "web2", "backend=nosuch");
        Result stoppedBackend = xenctl("block-attach", "web2", "/srv/x.img,raw,xvdb,rw,backend=netdom");
        Result vdev = xenctl("block-attach", "web1", "/srv/other.img,raw,xvda,rw");
        Result image = xenctl("block-attach", "web2", "/srv/web1.img,raw,xvdb,ro");
        Result sharedReadOnly = xenctl("block-attach", "web2", "/srv/cd.iso,raw,xvdd,ro,devtype=cdrom");

        assertThat(mac.exit()).isEqualTo(4);
        assertThat(mac.err()).isEqualTo("xenctl: error: MAC 00:16:3e:00:00:02 is domain web1's already\n"
                + "xenctl: hint: give another mac=, or leave it out for a new one\n");
        assertThat(noBackend.exit()).isEqualTo(4);
        assertThat(noBackend.err()).startsWith("xenctl: error: the backend domain nosuch does not exist\n");
        assertThat(stoppedBackend.exit()).isEqualTo(4);
        assertThat(stoppedBackend.err()).isEqualTo("xenctl: error: the backend domain netdom is not running "
                + "(shutoff)\nxenctl: hint: start it first: xenctl start netdom\n");
        assertThat(vdev.exit()).isEqualTo(4);
        assertThat(vdev.err()).startsWith("xenctl: error: web1's xvda is /srv/web1.img already\n");
        assertThat(image.exit()).isEqualTo(4);
        assertThat(image.err()).startsWith("xenctl: error: /srv/web1.img is running domain web1's disk xvda: two "
                + "domains writing one image corrupt it\n");
        // Not another domain's: only the test driver's refusal of hot-plug comes back.
        assertThat(sharedReadOnly.err()).contains("virDomainAttachDeviceFlags");
    }

    @Test
    void create_and_start_are_refused_before_libvirt_when_a_driver_domain_is_missing_or_stopped(
            @TempDir Path dir) throws Exception {
        domain("netdom", "", false);
        domain("web3", "<interface type='bridge'><mac address='00:16:3e:00:00:33'/><source bridge='xenbr0'/>"
                + "<backenddomain name='netdom'/></interface>", false);
        Path cfg = dir.resolve("web4.cfg");
        Files.writeString(cfg, "name = \"web4\"\nmemory = 128\ntype = \"hvm\"\n"
                + "disk = [ 'format=raw,vdev=xvda,access=rw,backend=stordom,target=/dev/sdb' ]\n");

        Result missing = xenctl("create", cfg.toString());
        Result stopped = xenctl("start", "web3");

        // libxl alone would say "failed to create new domain", or wait for a backend that never comes.
        assertThat(missing.exit()).isEqualTo(4);
        assertThat(missing.err()).isEqualTo("xenctl: error: the backend domain stordom does not exist\n"
                + "xenctl: hint: start the driver domain first, or leave backend= out for dom0\n");
        assertThat(xenctl("list", "--all", "--columns", "name").out()).doesNotContain("web4");
        assertThat(stopped.exit()).isEqualTo(4);
        assertThat(stopped.err()).isEqualTo("xenctl: error: the backend domain netdom is not running (shutoff)\n"
                + "xenctl: hint: start it first: xenctl start netdom\n");
        assertThat(keep.lookup(DomainRef.of("web3")).isActive()).isFalse();
        keep.start(keep.lookup(DomainRef.of("netdom")).uuid(), false);
        Result started = xenctl("start", "web3");
        assertThat(started.exit()).as(started.toString()).isZero();
    }

    @Test
    void create_and_start_are_refused_when_a_running_domain_writes_an_image_they_would_open(@TempDir Path dir)
            throws Exception {
        domain("web1", DISKS, true);
        domain("web5", "<disk type='file' device='disk'><source file='/srv/web1.img'/><target dev='xvdb' bus='xen'/>"
                + "<readonly/></disk>", false);
        Path cfg = dir.resolve("web6.cfg");
        Files.writeString(cfg, "name = \"web6\"\nmemory = 128\ntype = \"hvm\"\n"
                + "disk = [ '/srv/web6.img,raw,xvda,rw', '/srv/web1.img,raw,xvdb,rw' ]\n");
        Path shared = dir.resolve("web7.cfg");
        Files.writeString(shared, "name = \"web7\"\nmemory = 128\ntype = \"hvm\"\n"
                + "disk = [ '/srv/cd.iso,raw,xvdc,ro' ]\n");

        Result create = xenctl("create", cfg.toString());
        Result start = xenctl("start", "web5");

        // Read-only here, but web1 writes it: what web5 reads changes under it.
        assertThat(start.exit()).isEqualTo(4);
        assertThat(start.err()).startsWith("xenctl: error: /srv/web1.img is running domain web1's disk xvda: two "
                + "domains writing one image corrupt it\n");
        assertThat(keep.lookup(DomainRef.of("web5")).isActive()).isFalse();
        assertThat(create.exit()).isEqualTo(4);
        assertThat(create.err()).isEqualTo(start.err());
        assertThat(xenctl("list", "--all", "--columns", "name").out()).doesNotContain("web6");
        // An image no running domain writes is no one's business but libvirt's.
        Result other = xenctl("create", shared.toString());
        assertThat(other.exit()).as(other.toString()).isZero();
        // A name taken is what to change first, whatever else the devices would hit.
        Result taken = xenctl("create", cfg.toString(), "name=\"web1\"");
        assertThat(taken.exit()).isEqualTo(4);
        assertThat(taken.err()).startsWith("xenctl: error: a domain named 'web1' exists already");
    }

    @Test
    void live_on_a_shut_off_domain_is_refused_and_config_there_reaches_libvirt() {
        domain("web1", "", false);

        Result live = xenctl("network-attach", "--live", "web1", "bridge=xenbr0");
        Result config = xenctl("block-attach", "--config", "web1", "/srv/data.img,raw,xvdb,rw");

        assertThat(live.exit()).isEqualTo(4);
        assertThat(live.err()).startsWith("xenctl: error: domain web1 is not running: --live has nothing to change");
        assertThat(config.err()).startsWith("xenctl: error: cannot attach disk xvdb to domain web1: ");
    }

    @Test
    void cd_media_changes_only_what_differs_and_is_refused_on_a_pv_guest() {
        keep.define("<domain type='test'><name>hvm1</name><memory>131072</memory><os><type>hvm</type></os><devices>"
                + "<disk type='file' device='cdrom'><source file='/iso/a.iso'/><target dev='hdc' bus='ide'/>"
                + "<readonly/></disk><disk type='file' device='disk'><source file='/srv/h.img'/>"
                + "<target dev='hda' bus='ide'/></disk></devices></domain>");

        JsonNode same = xenctl("-o", "json", "cd-insert", "hvm1", "hdc", "/iso/a.iso").json();
        Result other = xenctl("cd-insert", "hvm1", "hdc", "/iso/b.iso");
        Result eject = xenctl("cd-eject", "--config", "hvm1", "hdc");
        Result disk = xenctl("cd-eject", "hvm1", "hda");
        Result none = xenctl("cd-eject", "hvm1", "hdd");

        assertThat(same.get("changed").asBoolean()).isFalse();
        assertThat(same.get("kind").asText()).isEqualTo("cdrom");
        // Only the definition (the domain is shut off) is asked; the test driver cannot update devices.
        assertThat(other.err()).startsWith("xenctl: error: cannot insert /iso/b.iso in hdc of domain hvm1: ")
                .contains("virDomainUpdateDeviceFlags");
        assertThat(eject.err()).startsWith("xenctl: error: cannot eject the media of hdc of domain hvm1: ");
        assertThat(disk.exit()).isEqualTo(4);
        assertThat(disk.err()).startsWith("xenctl: error: hvm1's hda is a disk, not a CD-ROM drive\n");
        assertThat(none.exit()).isEqualTo(3);

        keep.define("<domain type='test'><name>pv1</name><memory>131072</memory><os><type>xen</type></os>"
                + "<devices>" + DISKS + "</devices></domain>");
        Result pv = xenctl("cd-eject", "pv1", "xvdc");
        assertThat(pv.exit()).isEqualTo(1);
        assertThat(pv.err()).startsWith("xenctl: error: domain pv1 is a pv guest: CD-ROM media can be changed in "
                + "an HVM guest's emulated drive only\n");
    }

    @Test
    void a_model_on_a_pv_guests_interface_is_dropped_with_a_warning_as_xl_ignores_it() {
        keep.define("<domain type='test'><name>pv1</name><memory>131072</memory><os><type>xen</type></os>"
                + "<devices>" + NICS + "</devices></domain>");

        Result attach = xenctl("network-attach", "pv1", "mac=00:16:3e:00:00:01", "model=e1000");

        assertThat(attach.exit()).as(attach.toString()).isZero();
        assertThat(attach.err()).isEqualTo("xenctl: warning: model=e1000 is for HVM guests' emulated cards: "
                + "ignored for pv guest pv1, as xl does\n");
        assertThat(attach.out()).isEqualTo("pv1 has an interface 00:16:3e:00:00:01 already: nothing to do\n");
        JsonNode json = xenctl("-o", "json", "network-attach", "pv1", "mac=00:16:3e:00:00:01", "model=e1000").json();
        assertThat(json.get("warnings").get(0).get("message").asText()).startsWith("model=e1000 is for HVM");
    }
}
