package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.TestDriver;

/**
 * migrate's checks and failures on libvirt's test driver: the demo host (web and db on xenbr0, router with a PCI
 * device, build shut off) as the source, and hosts written here as destinations. The test driver cannot migrate:
 * what gets past the checks fails in libvirt, which proves that the failure says the domain still runs on the
 * source. The moves themselves are proven between two real dom0s (MigrationXenLabIT).
 */
class MigrateTest {
    private static final String SOURCE = TestDriver.demoHost();

    @TempDir
    Path dir;

    @Test
    void a_destination_without_the_guests_bridge_is_refused_before_libvirt_is_asked() throws IOException {
        String bare = TestDriver.host(dir, "bare", "");

        Result r = Cli.run("-c", SOURCE, "migrate", "web", bare);

        assertThat(r.exit()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).startsWith("xenctl: error: cannot migrate web to ")
                .contains("has no bridge xenbr0 (vif 00:16:3e:");
        assertThat(r.err().lines().count()).as(r.err()).isLessThanOrEqualTo(2);
        JsonNode json = Cli.run("-c", SOURCE, "-o", "json", "migrate", "web", bare).errorJson();
        assertThat(json.get("error").get("code").asText()).isEqualTo("migration-refused");
    }

    @Test
    void a_destination_that_is_not_a_bridge_or_has_another_domain_by_the_name_is_refused() throws IOException {
        String ethernet = TestDriver.host(dir, "eth", """
                <interface type='ethernet' name='xenbr0'><start mode='onboot'/><mac address='52:54:00:00:00:01'/></interface>
                """);
        assertThat(Cli.run("-c", SOURCE, "migrate", "web", ethernet).err())
                .contains("xenbr0 on ").contains("is not a bridge but a ethernet interface");

        String taken = TestDriver.host(dir, "taken", TestDriver.XENBR0 + """
                <domain type='test'><name>web</name><uuid>11111111-2222-3333-4444-555555555555</uuid>
                  <memory unit='MiB'>64</memory><os><type>xen</type></os></domain>
                """);
        Result r = Cli.run("-c", SOURCE, "migrate", "web", taken);
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).contains("has another domain named web (UUID 11111111-2222-3333-4444-555555555555)");
    }

    @Test
    void what_cannot_move_at_all_is_refused_whatever_the_destination() throws IOException {
        String fit = TestDriver.host(dir, "fit", TestDriver.XENBR0);

        Result pci = Cli.run("-c", SOURCE, "migrate", "router", fit);
        assertThat(pci.exit()).isEqualTo(4);
        assertThat(pci.err()).contains("router has PCI devices passed through").contains("Xen cannot migrate");

        Result off = Cli.run("-c", SOURCE, "migrate", "build", fit);
        assertThat(off.exit()).isEqualTo(4);
        assertThat(off.err()).contains("build is not running (shutoff)");
    }

    @Test
    void a_destination_without_the_guests_disk_is_refused() throws IOException {
        String noDisk = TestDriver.host(dir, "nodisk", TestDriver.XENBR0);

        Result r = Cli.run("-c", SOURCE, "migrate", "web", noDisk);

        assertThat(r.exit()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains("has no /var/lib/xen/images/web.img (disk xvda; the hosts need shared storage)");
    }

    @Test
    void check_checks_and_moves_nothing() throws IOException {
        String fit = TestDriver.host(dir, "fit", TestDriver.XENBR0 + TestDriver.WEB_DISK);

        Result r = Cli.run("-c", SOURCE, "-o", "json", "migrate", "--check", "web", fit);

        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode plan = r.json();
        assertThat(plan.get("dry_run").asBoolean()).isTrue();
        assertThat(plan.get("changed").asBoolean()).isFalse();
        assertThat(plan.get("live").asBoolean()).isTrue();
        assertThat(plan.get("destination_uri").asText()).isEqualTo(fit);
        assertThat(plan.get("unchecked").toString()).as("the file-made host tells no free memory")
                .contains("free memory");
    }

    @Test
    void a_failure_in_libvirt_says_the_domain_still_runs_on_the_source() throws IOException {
        String fit = TestDriver.host(dir, "fit", TestDriver.XENBR0 + TestDriver.WEB_DISK);

        Result r = Cli.run("-c", SOURCE, "migrate", "web", fit);

        // libvirt's test driver has no migration: libvirt itself refuses, after every check of xenctl passed.
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("xenctl: error: cannot migrate domain web to " + fit + ": ")
                .contains("; web still runs on ").endsWith("(running)\n");
    }

    @Test
    void over_several_hosts_the_domain_is_taken_from_the_one_that_runs_it() throws IOException {
        String empty = TestDriver.host(dir, "empty", TestDriver.XENBR0);
        String fit = TestDriver.host(dir, "fit", TestDriver.XENBR0 + TestDriver.WEB_DISK);

        Result r = Cli.run("-c", empty, "-c", SOURCE, "migrate", "--check", "web", fit);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Would migrate web from ");
    }

    @Test
    void a_domain_already_on_the_destination_is_a_no_op() throws IOException {
        String empty = TestDriver.host(dir, "empty", TestDriver.XENBR0);

        Result r = Cli.run("-c", empty, "-o", "json", "migrate", "web", SOURCE);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().get("changed").asBoolean()).isFalse();
        assertThat(r.json().get("state").asText()).isEqualTo("running");

        Result nowhere = Cli.run("-c", empty, "migrate", "nosuch", SOURCE);
        assertThat(nowhere.exit()).isEqualTo(3);
        assertThat(nowhere.err()).contains("no domain nosuch on ").contains("nor running on ");
    }

    @Test
    void tunnelled_and_a_timeout_go_with_p2p_only() {
        Result r = Cli.run("-c", SOURCE, "migrate", "--tunnelled", "web", TestDriver.DEFAULT);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--tunnelled goes with --p2p URI");
        Result timeout = Cli.run("-c", SOURCE, "migrate", "-t", "30", "web", TestDriver.DEFAULT);
        assertThat(timeout.exit()).isEqualTo(2);
        assertThat(timeout.err()).contains("--timeout goes with --p2p only");
    }


}
