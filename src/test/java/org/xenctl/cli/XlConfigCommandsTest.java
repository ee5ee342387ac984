package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.OnDefaultTestHost;
import org.xenctl.testing.TestDriver;

/** create, define and config with xl.cfg files, on libvirt's test driver. */
class XlConfigCommandsTest extends OnDefaultTestHost {
    private static final String GUEST = TestDriver.repositoryFile("examples/guest-pv.cfg").toString();

    @Test
    void libvirt_xml_given_to_the_xl_cfg_commands_is_refused_in_one_line() throws Exception {
        Path xml = TestDriver.repositoryFile("examples/guest.xml");
        for (String verb : new String[] {"check", "show", "convert"}) {
            Result r = Cli.run("config", verb, xml.toString());
            assertThat(r.exit()).as(r.toString()).isEqualTo(5);
            assertThat(r.err()).isEqualTo("xenctl: error: " + xml + " is libvirt domain XML, not an xl.cfg file\n"
                    + "xenctl: hint: create and define take the XML as it is; 'xenctl config export DOMAIN' writes a "
                    + "domain as xl.cfg\n");
        }
    }

    @Test
    void config_show_gives_the_effective_values_and_every_vif_field(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path cfg = Files.writeString(dir.resolve("twice.cfg"), "name = \"a\"\nmemory = 256\nmemory = 512\n"
                + "vif = [ \"bridge=xenbr0\" ]\nvif += [ \"bridge=br1,mtu=9000,backend=dd\" ]\n");

        Result text = Cli.run("config", "show", cfg.toString());
        JsonNode json = Cli.run("-o", "json", "config", "show", cfg.toString()).json();
        Result overridden = Cli.run("config", "convert", GUEST, "memory=64");

        assertThat(text.out()).contains("effective: memory = 512\n")
                .contains("effective: vif = [\"bridge=xenbr0\", \"bridge=br1,mtu=9000,backend=dd\"]\n")
                .contains("vif 2: bridge=br1 mtu=9000 backend=dd\n").doesNotContain("effective: name");
        assertThat(text.err()).isEqualTo("xenctl: warning: " + cfg + ":3:1: memory is set again: this value "
                + "replaces the one on line 2\nxenctl: hint: remove one of them, or write 'memory +=' to add to a "
                + "list\n");
        assertThat(json.get("effective").get(1).get("key").asText()).isEqualTo("memory");
        assertThat(json.get("effective").get(1).get("value").asLong()).isEqualTo(512);
        assertThat(json.get("effective").get(2).get("value")).hasSize(2);
        assertThat(overridden.err()).as("KEY=VALUE replaces on purpose").doesNotContain("set again");
    }

    @Test
    void create_runs_the_example_and_the_domain_carries_its_settings() {
        Result created = xenctl("-o", "json", "create", GUEST, "name=\"pv-create\"",
                "uuid=\"5b0c1f52-9d1e-4f3a-8e77-0a1b2c3d4e5f\"");
        assertThat(created.exit()).as(created.toString()).isZero();
        assertThat(created.json().get("state").asText()).isEqualTo("running");
        assertThat(created.json().get("warnings")).isEmpty();
        String xml = xenctl("dumpxml", "pv-create").out();
        assertThat(xml).contains("<currentMemory unit='KiB'>524288</currentMemory>",
                "<memory unit='KiB'>1048576</memory>", "cpuset='0-3' current='2'>4</vcpu>",
                "<cmdline>root=/dev/xvda1 ro console=hvc0 quiet</cmdline>", "<on_crash>preserve</on_crash>",
                "<source dev='/dev/vg0/guest-pv-root'/>", "<driver type='qcow2'/>", "device='cdrom'",
                "<mac address='00:16:3e:5a:01:01'/>", "<target dev='guestpv-eth0'/>", "<model type='e1000'/>",
                "<source bridge='xenbr1'/>", "<ip address='192.0.2.10'", "<outbound average='12208'/>",
                "managed='yes'", "<source writeFiltering='no'>", "bus='0x03' slot='0x00'", "slot='0x05'",
                "<e820_host state='on'/>");
        xenctl("destroy", "pv-create");
    }

    @Test
    void overrides_are_appended_lines_and_the_last_one_wins() {
        Result r = xenctl("-o", "json", "create", "--dry-run", GUEST, "memory=1024", "vcpus=3", "memory=768");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().get("xml").asText()).contains("<currentMemory unit=\"KiB\">786432</currentMemory>",
                "current=\"3\"");
    }

    @Test
    void a_bad_override_is_reported_as_the_argument_it_is() {
        Result r = xenctl("create", "--dry-run", GUEST, "memory=1G");
        assertThat(r.exit()).isEqualTo(5);
        assertThat(r.err()).contains("xenctl: error: argument 'memory=1G':1:8: '1G' is not a number");
    }

    @Test
    void a_name_with_a_blank_or_a_control_character_is_refused_where_it_is_written() {
        Result blank = xenctl("create", "--dry-run", GUEST, "name=\"web 2\"");
        assertThat(blank.exit()).isEqualTo(5);
        assertThat(blank.err()).contains("'web 2' is not a usable domain name: a domain name cannot contain blanks");
        Result control = xenctl("create", "--dry-run", GUEST, "name=\"csi\u009b2J\"");
        assertThat(control.exit()).isEqualTo(5);
        assertThat(control.err()).contains("'csi\\u009b2J' is not a usable domain name: a domain name cannot"
                + " contain control characters").doesNotContain("\u009b");
    }

    @Test
    void a_device_given_twice_is_refused_at_its_place_before_libvirt_is_asked(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path cfg = Files.writeString(dir.resolve("twice.cfg"), """
                name = "twice"
                kernel = "/boot/vmlinuz"
                disk = [ "/srv/a.img,raw,xvda", "/srv/b.img,raw,xvda" ]
                pci = [ "01:00.0", "0000:01:00.0" ]
                """);

        Result check = Cli.run("config", "check", cfg.toString());
        Result create = xenctl("create", cfg.toString());

        assertThat(check.exit()).isEqualTo(5);
        assertThat(check.err()).contains("twice.cfg:3:34: disk 2: vdev xvda is disk 1's already")
                .contains("twice.cfg:4:21: pci 2: 0000:01:00.0 is pci 1's already");
        assertThat(create.exit()).isEqualTo(5);
        assertThat(create.err()).isEqualTo(check.err());
        assertThat(xenctl("domid", "twice").exit()).isEqualTo(3);
    }

    @Test
    void what_libvirt_accepts_but_the_guest_suffers_from_is_a_warning(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path cfg = Files.writeString(dir.resolve("shared.cfg"), """
                name = "shared"
                kernel = "/boot/vmlinuz"
                disk = [ "/srv/a.img,raw,xvda,rw", "/srv/a.img,raw,xvdb,ro", "/srv/c.iso,raw,xvdc,ro",
                         "/srv/c.iso,raw,xvdd,ro" ]
                vif = [ "mac=00:16:3e:00:00:01", "mac=00:16:3E:00:00:01,bridge=xenbr1" ]
                """);

        Result check = Cli.run("-o", "json", "config", "check", cfg.toString());

        assertThat(check.exit()).as(check.toString()).isZero();
        JsonNode warnings = check.json().get("warnings");
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0).get("message").asText()).isEqualTo("disk 2: /srv/a.img is disk 1's too, and one "
                + "of them is writable: the guest can corrupt what it sees twice");
        assertThat(warnings.get(1).get("message").asText()).startsWith("vif 2: mac 00:16:3E:00:00:01 is vif 1's too");
    }

    @Test
    void a_vdev_libvirt_cannot_name_is_refused_in_a_file_and_in_block_attach() {
        Result file = xenctl("create", "--dry-run", GUEST, "disk=['/srv/a.img,raw,/dev/xvda']");
        Result argument = xenctl("block-attach", "test", "/srv/b.img,raw,51728");

        assertThat(file.exit()).isEqualTo(5);
        assertThat(file.err()).contains("disk 1: vdev '/dev/xvda' is not a guest device name libvirt takes");
        assertThat(argument.exit()).isEqualTo(2);
        assertThat(argument.err()).contains("vdev '51728' is not a guest device name libvirt takes");
    }

    @Test
    void dry_run_prints_the_xml_and_changes_nothing() {
        String before = names();
        Result r = xenctl("create", "-n", GUEST);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("<domain type=\"xen\">").contains("<name>guest-pv</name>");
        assertThat(names()).isEqualTo(before);
    }

    @Test
    void dry_run_and_config_commands_inside_a_batch_change_nothing() throws Exception {
        Path script = Files.createTempFile("xlcfg", ".batch");
        Files.writeString(script, "create -n " + GUEST + "\nconfig check " + GUEST + "\nconfig convert " + GUEST
                + "\n");
        String before = names();
        Result r = xenctl("batch", script.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("<name>guest-pv</name>", "guest-pv.cfg: valid.");
        assertThat(names()).isEqualTo(before);
        Files.delete(script);
    }

    private static String names() {
        return xenctl("-o", "json", "list", "--all").json().findValuesAsText("uuid").toString();
    }

    @Test
    void a_config_with_errors_leaves_nothing_behind() throws Exception {
        Path bad = Files.createTempFile("bad", ".cfg");
        Files.writeString(bad, "name = \"half-made\"\nkernel = \"/boot/vmlinuz\"\ndisk = [ '/dev/vg/a,xvda' ]\n");
        Result r = xenctl("-o", "json", "create", bad.toString());
        assertThat(r.exit()).isEqualTo(5);
        JsonNode problem = r.errorJson().at("/error/problems/0");
        assertThat(problem.get("line").asInt()).isEqualTo(3);
        assertThat(problem.get("message").asText()).contains("unknown format 'xvda'");
        assertThat(xenctl("domid", "half-made").exit()).isEqualTo(3);
        Files.delete(bad);
    }

    @Test
    void a_create_the_host_refuses_leaves_nothing_behind() throws Exception {
        Path cfg = Files.createTempFile("paused", ".cfg");
        Files.writeString(cfg, "name = \"refused\"\nkernel = \"/boot/vmlinuz\"\n");
        Result r = xenctl("create", "--paused", cfg.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(xenctl("domid", "refused").exit()).isEqualTo(3);
        Files.delete(cfg);
    }

    @Test
    void define_from_xl_cfg_twice_changes_nothing_the_second_time() {
        Result first = xenctl("-o", "json", "define", GUEST);
        assertThat(first.exit()).as(first.toString()).isZero();
        Result second = xenctl("-o", "json", "define", GUEST);
        assertThat(second.json().get("changed").asBoolean()).isFalse();
        xenctl("undefine", "guest-pv");
    }

    @Test
    void export_gives_an_xl_cfg_that_reads_back_to_the_same_xml() throws Exception {
        assertThat(xenctl("define", GUEST).exit()).isZero();
        Result exported = xenctl("config", "export", "guest-pv");
        assertThat(exported.exit()).as(exported.toString()).isZero();
        assertThat(exported.out()).contains("name = \"guest-pv\"", "memory = 512", "maxmem = 1024",
                "'0000:03:00.0@05,permissive=1,seize=1'", "on_crash = \"preserve\"");
        Path back = Files.createTempFile("exported", ".cfg");
        Files.writeString(back, exported.out());
        Result original = xenctl("config", "convert", GUEST);
        Result again = xenctl("config", "convert", back.toString());
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.out()).isEqualTo(original.out());
        xenctl("undefine", "guest-pv");
        Files.delete(back);
    }

    @Test
    void show_parses_every_syntax_into_named_fields() throws Exception {
        Path cfg = Files.createTempFile("show", ".cfg");
        Files.writeString(cfg, "name = 'show'\nmemory = 0x200\ndisk = [ '/dev/vg/a,,xvda', 'raw:/b.img,hdc:cdrom,r',"
                + " 'vdev=xvdc, target=/c,d.img' ]\nvif = [ 'bridge=br0, rate=1MB/s@10ms' ]\n"
                + "pci = [ '01:00.*@3', 'bdf=02:00.1,permissive=1', 'name=gpu', '0000:03:00.0,vslot=4,seize=1' ]\n");
        Result r = xenctl("-o", "json", "config", "show", cfg.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode json = r.json();
        assertThat(json.at("/settings/1/value").asLong()).isEqualTo(512);
        assertThat(json.at("/settings/1/literal").asText()).isEqualTo("0x200");
        assertThat(json.at("/settings/2/line").asInt()).isEqualTo(3);
        assertThat(json.at("/disks/1/devtype").asText()).isEqualTo("cdrom");
        assertThat(json.at("/disks/1/deprecated_syntax").asBoolean()).isTrue();
        assertThat(json.at("/disks/2/target").asText()).isEqualTo("/c,d.img");
        assertThat(json.at("/vifs/0/rate/interval_micros").asLong()).isEqualTo(10_000);
        assertThat(json.at("/pci/0/bdf").asText()).isEqualTo("0000:01:00.*");
        assertThat(json.at("/pci/0/vslot").asInt()).isEqualTo(3);
        assertThat(json.at("/pci/1/permissive").asBoolean()).isTrue();
        assertThat(json.at("/pci/2/name").asText()).isEqualTo("gpu");
        assertThat(json.at("/pci/3/seize").asBoolean()).isTrue();
        Files.delete(cfg);
    }

    @Test
    void driver_domain_says_what_a_driver_domain_made_through_libvirt_can_serve(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path cfg = Files.writeString(dir.resolve("netdom.cfg"), "name = \"netdom\"\nmemory = 256\n"
                + "driver_domain = 1\nkernel = \"/boot/vmlinuz\"\n");

        Result r = xenctl("config", "check", cfg.toString());

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).contains(":3:1: driver_domain: not carried to libvirt, which has no such setting: the "
                + "domain can still serve vifs and disks on its block devices with xl devd, not QEMU (qdisk) backends")
                .doesNotContain("not carried to libvirt by xenctl");
    }

    @Test
    void check_reports_warnings_and_exits_zero() {
        Path cfg = TestDriver.repositoryFile("src/test/resources/xlcfg/unknown-key-typo.cfg");
        Result r = xenctl("-o", "json", "config", "check", cfg.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.json().at("/warnings/0/hint").asText()).isEqualTo("did you mean memory?");
    }
}
