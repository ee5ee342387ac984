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
import org.xenctl.domain.DomainState;
import org.xenctl.domain.DomainSummary;
import org.xenctl.libvirt.LibvirtHypervisor;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.TestDriver;

/**
 * dump-core on libvirt's test driver, which writes a file of its own for a core dump (a real guest's ELF core, and
 * --live, which the test driver refuses, are proven on Xen: SaveRestoreXenLabIT): the domain left as it was or
 * destroyed, and what is refused before libvirt is asked.
 */
class DumpCoreTest {
    private LibvirtHypervisor keep;

    @TempDir
    Path dir;

    @BeforeEach
    void aTestHost() {
        keep = TestDriver.keep();
    }

    @AfterEach
    void closeIt() {
        keep.close();
    }

    private DomainSummary test() {
        return keep.lookup(DomainRef.of("test"));
    }

    @Test
    void the_memory_goes_to_a_file_and_the_domain_runs_on() throws Exception {
        Path file = dir.resolve("test.core");

        JsonNode dumped = Cli.onTestDriver("-o", "json", "dump-core", "test", file.toString()).json();

        assertThat(dumped.get("domain").asText()).isEqualTo("test");
        assertThat(dumped.get("file").asText()).isEqualTo(file.toString());
        assertThat(dumped.get("bytes").asLong()).isEqualTo(Files.size(file)).isPositive();
        assertThat(dumped.get("live").asBoolean()).isFalse();
        assertThat(dumped.get("state").asText()).isEqualTo("running");
        assertThat(test().state()).isEqualTo(DomainState.RUNNING);

        Cli.onTestDriver("pause", "test");
        Result paused = Cli.onTestDriver("dump", "-f", "test", file.toString());

        assertThat(paused.out()).as(paused.toString())
                .isEqualTo("Domain test's core dumped to " + file + " (1 KiB).\n");
        assertThat(test().state()).as("left as it was").isEqualTo(DomainState.PAUSED);
    }

    @Test
    void crash_destroys_the_domain_once_its_memory_is_written() throws Exception {
        keep.createTransient("<domain type='test'><name>tmp1</name><memory>131072</memory><os><type>hvm</type>"
                + "</os></domain>", false);

        Result defined = Cli.onTestDriver("dump-core", "--crash", "test", dir.resolve("test.core").toString());
        JsonNode transient1 = Cli.onTestDriver("-o", "json", "dump-core", "--crash", "tmp1",
                dir.resolve("tmp1.core").toString()).json();

        assertThat(defined.out()).as(defined.toString()).isEqualTo("Domain test's core dumped to "
                + dir.resolve("test.core") + " (1 KiB); the domain is destroyed.\n");
        assertThat(test().state()).isEqualTo(DomainState.SHUTOFF);
        assertThat(test().reason()).isEqualTo("crashed");
        assertThat(transient1.get("state").asText()).isEqualTo("gone");
        assertThat(dir.resolve("tmp1.core")).exists();
    }

    @Test
    void what_would_fail_or_lose_something_is_refused_before_libvirt_is_asked() throws Exception {
        Path taken = Files.writeString(dir.resolve("taken.core"), "keep me");

        Result exists = Cli.onTestDriver("dump-core", "test", taken.toString());
        Result noDirectory = Cli.onTestDriver("-o", "json", "dump-core", "test",
                dir.resolve("no/such/dir/test.core").toString());
        Result directory = Cli.onTestDriver("dump-core", "test", dir.toString());
        Result live = Cli.onTestDriver("dump-core", "--live", "test", dir.resolve("live.core").toString());
        Result both = Cli.onTestDriver("dump-core", "--live", "--crash", "test", dir.resolve("both.core").toString());

        assertThat(exists.exit()).isEqualTo(4);
        assertThat(exists.err()).isEqualTo("xenctl: error: " + taken + " exists already\n"
                + "xenctl: hint: give --force to overwrite it, or another file\n");
        assertThat(Files.readString(taken)).isEqualTo("keep me");
        assertThat(noDirectory.exit()).isEqualTo(5);
        assertThat(noDirectory.errorJson().get("error").get("code").asText()).isEqualTo("file-not-found");
        assertThat(directory.exit()).as(directory.toString()).isEqualTo(2);
        assertThat(directory.err()).contains("name a file in it, e.g. " + dir + "/DOMAIN.core");
        assertThat(live.exit()).as("the test driver cannot dump live: " + live).isEqualTo(1);
        assertThat(live.err()).startsWith("xenctl: error: cannot dump the core of domain test to "
                + dir.resolve("live.core"));
        assertThat(dir.resolve("live.core")).doesNotExist();
        assertThat(both.exit()).as(both.toString()).isEqualTo(2);
        assertThat(both.err()).startsWith("xenctl: error: --live and --crash cannot go together\n");
        assertThat(dir.resolve("both.core")).doesNotExist();
        assertThat(test().state()).as("still running").isEqualTo(DomainState.RUNNING);

        Cli.onTestDriver("destroy", "test");
        Result notRunning = Cli.onTestDriver("dump-core", "test", dir.resolve("off.core").toString());
        assertThat(notRunning.exit()).isEqualTo(4);
        assertThat(notRunning.err()).isEqualTo("xenctl: error: domain test is not running (shutoff): it has no "
                + "memory to dump\n");
        assertThat(dir.resolve("off.core")).doesNotExist();
    }
}
