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
}
