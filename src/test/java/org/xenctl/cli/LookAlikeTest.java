package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.libvirt.LibvirtHypervisor;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.TestDriver;

/**
 * Names that look like another domain's id or UUID: on test:///default, domain "test" runs with id 1, and a
 * shut-off domain is named "1". Defining it finds no other domain; naming "1" names two, so xenctl says so instead
 * of acting on the wrong one; its UUID names it without doubt.
 */
class LookAlikeTest {
    @TempDir
    Path dir;

    private LibvirtHypervisor keep;

    @BeforeEach
    void theTestHost() {
        keep = TestDriver.keep();
    }

    @AfterEach
    void close() {
        keep.close();
    }

    private static Result xenctl(String... args) {
        return Cli.onTestDriver(args);
    }

    @Test
    void a_domain_named_like_another_ones_id_is_defined_and_only_its_uuid_starts_it() throws Exception {
        Path file = dir.resolve("one.xml");
        Files.writeString(file, "<domain type='test'><name>1</name><memory unit='MiB'>64</memory>"
                + "<os><type>hvm</type></os></domain>");

        Result defined = xenctl("-o", "json", "define", file.toString());
        Result again = xenctl("-o", "json", "define", file.toString());
        Result ambiguous = xenctl("start", "1");

        assertThat(defined.exit()).as(defined.toString()).isZero();
        assertThat(defined.json().get("created").asBoolean()).isTrue();
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        assertThat(ambiguous.exit()).as(ambiguous.toString()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("'1' is the id of domain test and the name of another domain");
        String uuid = defined.json().get("uuid").asText();
        Result started = xenctl("-o", "json", "start", uuid);
        assertThat(started.exit()).as(started.toString()).isZero();
        assertThat(started.json().get("name").asText()).isEqualTo("1");
        assertThat(started.json().get("changed").asBoolean()).isTrue();
    }

    @Test
    void a_domain_named_as_its_own_id_is_one_domain_and_every_verb_finds_it() throws Exception {
        // "2" is its id and its name: both lookups find it, and the second handle replaces the first (which
        // libvirt then frees): before that was taken into account, the first, freed handle was used.
        Path file = dir.resolve("two.xml");
        Files.writeString(file, "<domain type='test'><name>2</name><memory unit='MiB'>64</memory>"
                + "<os><type>hvm</type></os></domain>");
        assertThat(xenctl("define", file.toString()).exit()).isZero();
        Result started = xenctl("start", "2");
        assertThat(started.exit()).as(started.toString()).isZero();
        assertThat(xenctl("domname", "2").out()).as("the test driver's next id").isEqualTo("2\n");

        Result listed = xenctl("-o", "json", "list", "2");
        Result domid = xenctl("domid", "2");
        Result paused = xenctl("pause", "2");

        assertThat(listed.exit()).as(listed.toString()).isZero();
        assertThat(listed.json().get("domains")).hasSize(1);
        assertThat(listed.json().get("domains").get(0).get("id").asInt()).isEqualTo(2);
        assertThat(domid.out()).as(domid.toString()).isEqualTo("2\n");
        assertThat(paused.exit()).as(paused.toString()).isZero();
        assertThat(xenctl("-o", "json", "list", "2").json().get("domains").get(0).get("state").asText())
                .isEqualTo("paused");
    }

    @Test
    void a_domain_named_twice_is_listed_twice_as_xl_and_virsh_domstats_do() {
        Result listed = xenctl("-o", "json", "list", "test", "1", "test");

        assertThat(listed.exit()).as(listed.toString()).isZero();
        assertThat(listed.json().get("domains")).hasSize(3);
        listed.json().get("domains").forEach(row -> assertThat(row.get("name").asText()).isEqualTo("test"));
    }
}
