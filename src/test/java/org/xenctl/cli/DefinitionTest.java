package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.OnDefaultTestHost;
import org.xenctl.testing.TestDriver;

/** define, create and their failures: bad input says where, and leaves nothing behind. */
class DefinitionTest extends OnDefaultTestHost {
    @TempDir
    Path dir;

    private static String guestXml() throws Exception {
        return Files.readString(TestDriver.repositoryFile("examples/guest.xml"));
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static int domainCount() {
        return xenctl("list", "--all", "-o", "json").json().get("domains").size();
    }

    @Test
    void define_creates_a_shut_off_persistent_domain_and_defining_it_again_changes_nothing() throws Exception {
        Path xml = write("guest.xml", guestXml());
        Result first = xenctl("define", xml.toString(), "-o", "json");
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.json().get("created").asBoolean()).isTrue();
        assertThat(first.json().get("changed").asBoolean()).isTrue();
        assertThat(first.json().get("state").asText()).isEqualTo("shutoff");
        assertThat(xenctl("info", "guest1", "-o", "json").json().get("persistent").asBoolean()).isTrue();

        Result again = xenctl("define", xml.toString(), "-o", "json");
        assertThat(again.exit()).isZero();
        assertThat(again.json().get("created").asBoolean()).isFalse();
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        assertThat(xenctl("define", xml.toString()).out()).contains("is already defined as in");
    }

    @Test
    void an_xl_cfg_whose_vif_has_no_mac_defined_again_changes_nothing_and_keeps_the_mac() throws Exception {
        // libvirt makes a MAC up at every define: the guest got a new NIC each time, and the second define of
        // the same file said "updated" (found by random batches on the Xen lab)
        Path cfg = write("vif.cfg", "name = \"vif-guest\"\nmemory = 128\nkernel = \"/boot/vmlinuz\"\n"
                + "vif = [ 'bridge=xenbr0', 'bridge=xenbr1' ]\n");
        assertThat(xenctl("define", cfg.toString()).exit()).isZero();
        String macs = xenctl("network-list", "vif-guest", "-o", "json").out();

        Result again = xenctl("define", cfg.toString(), "-o", "json");

        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        assertThat(xenctl("network-list", "vif-guest", "-o", "json").out()).isEqualTo(macs);
    }

    @Test
    void define_with_a_change_updates_the_definition() throws Exception {
        xenctl("define", write("guest.xml", guestXml()).toString());
        Path bigger = write("bigger.xml", guestXml().replace("<memory unit='MiB'>256</memory>",
                "<memory unit='MiB'>512</memory>"));
        Result r = xenctl("define", bigger.toString(), "-o", "json");
        assertThat(r.json().get("created").asBoolean()).isFalse();
        assertThat(r.json().get("changed").asBoolean()).isTrue();
        assertThat(xenctl("info", "guest1", "-o", "json").json().get("max_memory_kib").asLong())
                .isEqualTo(512 * 1024L);
    }

    @Test
    void create_starts_a_transient_domain_that_vanishes_when_destroyed() throws Exception {
        Path xml = write("guest.xml", guestXml());
        Result created = xenctl("create", xml.toString(), "-o", "json");
        assertThat(created.exit()).as(created.toString()).isZero();
        assertThat(created.json().get("state").asText()).isEqualTo("running");
        assertThat(xenctl("info", "guest1", "-o", "json").json().get("persistent").asBoolean()).isFalse();

        Result destroyed = xenctl("destroy", "guest1", "-o", "json");
        assertThat(destroyed.exit()).as(destroyed.toString()).isZero();
        assertThat(destroyed.json().get("state").asText()).isEqualTo("shutoff");
        assertThat(xenctl("info", "guest1").exit()).isEqualTo(3);
    }

    @Test
    void malformed_xml_is_refused_with_its_line_and_column_and_nothing_is_defined() throws Exception {
        int before = domainCount();
        Path bad = write("bad.xml", "<domain type='test'>\n  <name>half</name>\n  <memory>1024</memory\n</domain>\n");
        // create's dry run too: it read XML files without parsing them, printed this one and exited 0.
        for (String[] line : new String[][] {{"define"}, {"create"}, {"create", "--dry-run"}}) {
            List<String> args = new ArrayList<>(List.of(line));
            args.addAll(List.of(bad.toString(), "-o", "json"));
            Result r = xenctl(args.toArray(String[]::new));
            assertThat(r.exit()).as(r.toString()).isEqualTo(5);
            JsonNode error = r.errorJson().get("error");
            assertThat(error.get("code").asText()).isEqualTo("invalid-config");
            assertThat(error.get("message").asText()).startsWith(bad + ":4:1: malformed XML");
        }
        assertThat(domainCount()).isEqualTo(before);
        assertThat(xenctl("info", "half").exit()).isEqualTo(3);
    }

    @Test
    void a_doctype_is_refused_and_its_entities_never_read() throws Exception {
        Path secret = write("secret.txt", "the-secret-text");
        Path xxe = write("xxe.xml", "<?xml version='1.0'?>\n<!DOCTYPE domain [ <!ENTITY x SYSTEM 'file://" + secret
                + "'> ]>\n" + guestXml().replace("<name>guest1</name>", "<name>&x;</name>"));
        for (String[] line : new String[][] {{"define"}, {"create"}, {"create", "--dry-run"}}) {
            List<String> args = new ArrayList<>(List.of(line));
            args.add(xxe.toString());
            Result r = xenctl(args.toArray(String[]::new));
            assertThat(r.exit()).as(r.toString()).isEqualTo(5);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("xenctl: error: " + xxe + ":2: a <!DOCTYPE> declaration, which xenctl "
                    + "does not read").contains("remove it").doesNotContain("the-secret-text");
        }
        assertThat(xenctl("info", "the-secret-text").exit()).isEqualTo(3);
    }

    @Test
    void xml_that_is_not_a_domain_is_refused() throws Exception {
        Result r = xenctl("define", write("net.xml", "<network><name>n</name></network>").toString());
        assertThat(r.exit()).isEqualTo(5);
        assertThat(r.err()).contains("the root element is <network>, not <domain>");
    }

    @Test
    void xml_libvirt_rejects_is_a_configuration_error_and_leaves_nothing() throws Exception {
        int before = domainCount();
        Path bad = write("noos.xml", "<domain type='test'><name>broken</name><memory>1024</memory>"
                + "<os><type>no-such-os-type</type></os></domain>");
        Result r = xenctl("define", bad.toString(), "-o", "json");
        assertThat(r.exit()).as(r.toString()).isEqualTo(5);
        assertThat(r.errorJson().get("error").get("code").asText()).isEqualTo("invalid-config");
        assertThat(domainCount()).isEqualTo(before);
    }

    @Test
    void creating_a_second_domain_with_a_taken_name_is_a_conflict() throws Exception {
        Path clash = write("clash.xml", guestXml().replace("<name>guest1</name>", "<name>test</name>"));
        Result r = xenctl("create", clash.toString(), "-o", "json");
        assertThat(r.exit()).as(r.toString()).isEqualTo(4);
        assertThat(r.errorJson().get("error").get("code").asText()).isEqualTo("domain-exists");
        assertThat(r.errorJson().get("error").get("hint").asText())
                .isEqualTo("it is running: give the new domain another name, or stop that one first");
    }

    @Test
    void a_missing_file_exits_5_naming_it() {
        Result r = xenctl("define", dir.resolve("nope.xml").toString());
        assertThat(r.exit()).isEqualTo(5);
        assertThat(r.err()).contains("nope.xml: no such file");
    }
}
