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
 * save, restore, managedsave and managedsave-remove on libvirt's test driver, which writes real save images: the
 * domain stops and comes back, what is refused before libvirt is asked, and start telling a managed save's
 * restore. (The test driver cannot restore paused; that, and a real guest running on after a restore, is proven on
 * Xen, SaveRestoreXenLabIT.)
 */
class SaveRestoreTest {
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
    void save_stops_the_domain_into_a_file_and_restore_runs_it_again() throws Exception {
        Path file = dir.resolve("test.sav");
        String uuid = test().uuid();

        JsonNode saved = Cli.onTestDriver("-o", "json", "save", "test", file.toString()).json();

        assertThat(saved.get("domain").asText()).isEqualTo("test");
        assertThat(saved.get("file").asText()).isEqualTo(file.toString());
        assertThat(saved.get("bytes").asLong()).isEqualTo(Files.size(file)).isPositive();
        assertThat(saved.get("changed").asBoolean()).isTrue();
        assertThat(test().state()).isEqualTo(DomainState.SHUTOFF);

        Result restored = Cli.onTestDriver("restore", file.toString());

        assertThat(restored.out()).as(restored.toString()).isEqualTo("Domain test restored from " + file + ".\n");
        assertThat(test().state()).isEqualTo(DomainState.RUNNING);
        JsonNode again = Cli.onTestDriver("-o", "json", "save", "-f", "test", file.toString()).json();
        JsonNode json = Cli.onTestDriver("-o", "json", "restore", file.toString()).json();
        assertThat(again.get("changed").asBoolean()).isTrue();
        assertThat(json.get("action").asText()).isEqualTo("restore");
        assertThat(json.get("uuid").asText()).isEqualTo(uuid);
        assertThat(json.get("state").asText()).isEqualTo("running");
    }

    @Test
    void what_would_fail_or_lose_something_is_refused_before_libvirt_is_asked() throws Exception {
        Path taken = Files.writeString(dir.resolve("taken.sav"), "keep me");

        Result exists = Cli.onTestDriver("save", "test", taken.toString());
        Result noDirectory = Cli.onTestDriver("save", "test", dir.resolve("no/such/dir/test.sav").toString());
        Result noImage = Cli.onTestDriver("-o", "json", "restore", dir.resolve("missing.sav").toString());
        Result root = Cli.onTestDriver("save", "test", "/");
        Result directory = Cli.onTestDriver("save", "test", dir.toString());
        Result restoreDirectory = Cli.onTestDriver("restore", dir.toString());
        // an empty word was the working directory: restore read ".", save wrote into it
        Result emptySave = Cli.onTestDriver("save", "test", "");
        Result emptyRestore = Cli.onTestDriver("restore", "");

        assertThat(exists.exit()).isEqualTo(4);
        assertThat(exists.err()).isEqualTo("xenctl: error: " + taken + " exists already\n"
                + "xenctl: hint: give --force to overwrite it, or another file\n");
        assertThat(Files.readString(taken)).isEqualTo("keep me");
        assertThat(noDirectory.exit()).isEqualTo(5);
        assertThat(root.exit()).as(root.toString()).isEqualTo(2);
        assertThat(root.err()).startsWith("xenctl: error: / is a directory\n");
        assertThat(directory.exit()).as(directory.toString()).isEqualTo(2);
        assertThat(restoreDirectory.exit()).as(restoreDirectory.toString()).isEqualTo(2);
        assertThat(restoreDirectory.err()).startsWith("xenctl: error: " + dir + " is a directory\n");
        for (Result empty : new Result[] {emptySave, emptyRestore}) {
            assertThat(empty.exit()).as(empty.toString()).isEqualTo(2);
            assertThat(empty.err()).startsWith("xenctl: error: the file name is empty\n");
        }
        assertThat(noImage.exit()).isEqualTo(5);
        assertThat(noImage.errorJson().get("error").get("code").asText()).isEqualTo("file-not-found");
        assertThat(test().state()).as("still running").isEqualTo(DomainState.RUNNING);

        Cli.onTestDriver("destroy", "test");
        Result notRunning = Cli.onTestDriver("save", "test", dir.resolve("off.sav").toString());
        assertThat(notRunning.exit()).isEqualTo(4);
        assertThat(notRunning.err()).contains("domain test is not running (shutoff)");
        assertThat(dir.resolve("off.sav")).doesNotExist();
    }

    @Test
    void a_domain_with_a_passed_through_device_is_not_saved() {
        keep.createTransient("<domain type='test'><name>pt1</name><memory>131072</memory><os><type>hvm</type>"
                + "</os><devices><hostdev mode='subsystem' type='pci' managed='no'><source><address "
                + "domain='0x0000' bus='0x01' slot='0x00' function='0x0'/></source></hostdev></devices></domain>",
                false);

        Result refused = Cli.onTestDriver("save", "pt1", dir.resolve("pt1.sav").toString());

        assertThat(refused.exit()).isEqualTo(4);
        assertThat(refused.err()).isEqualTo("xenctl: error: domain pt1 has PCI devices passed through "
                + "(0000:01:00.0), whose state Xen cannot save\n"
                + "xenctl: hint: pci-detach them first, or shut the domain down instead\n");
        assertThat(dir.resolve("pt1.sav")).doesNotExist();
    }

    @Test
    void managedsave_is_restored_by_start_and_each_verb_is_idempotent() {
        Result saved = Cli.onTestDriver("managedsave", "test");
        JsonNode again = Cli.onTestDriver("-o", "json", "managedsave", "test").json();

        assertThat(saved.out()).as(saved.toString()).isEqualTo("Domain test saved by libvirt: start restores it.\n");
        assertThat(test().state()).isEqualTo(DomainState.SHUTOFF);
        assertThat(keep.hasManagedSave(test().uuid())).isTrue();
        assertThat(again.get("changed").asBoolean()).isFalse();

        Result started = Cli.onTestDriver("start", "test");

        assertThat(started.out()).isEqualTo("Domain test started from its managed save.\n");
        assertThat(keep.hasManagedSave(test().uuid())).isFalse();
        Cli.onTestDriver("managedsave", "test");
        assertThat(Cli.onTestDriver("managedsave-remove", "test").out())
                .isEqualTo("Domain test's managed save discarded: start boots it.\n");
        assertThat(Cli.onTestDriver("-o", "json", "managedsave-remove", "test").json().get("changed").asBoolean())
                .isFalse();
        assertThat(Cli.onTestDriver("start", "test").out()).isEqualTo("Domain test started.\n");
    }

    @Test
    void a_transient_domain_has_no_managed_save() {
        keep.createTransient("<domain type='test'><name>tmp1</name><memory>131072</memory><os><type>hvm</type>"
                + "</os></domain>", false);

        Result refused = Cli.onTestDriver("managedsave", "tmp1");

        assertThat(refused.exit()).isEqualTo(4);
        assertThat(refused.err()).contains("domain tmp1 is transient").contains("xenctl save tmp1 FILE");
    }
}
