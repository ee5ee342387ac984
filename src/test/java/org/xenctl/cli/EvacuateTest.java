package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.TestDriver;

/**
 * evacuate's plan and its outcome on libvirt's test driver: the demo host (web, PV on xenbr0 with a file disk; db,
 * PVH, which the test driver's hosts cannot run; router with a PCI device; build shut off) emptied towards hosts
 * written here. The test driver
 * cannot migrate, so what is planned then fails in libvirt and says the guest still runs; the moves themselves are
 * proven between two real dom0s (MigrationXenLabIT).
 */
class EvacuateTest {
    private static final String SOURCE = TestDriver.demoHost();

    @TempDir
    Path dir;

    @Test
    void check_plans_each_running_guest_largest_first_and_says_why_one_stays() throws IOException {
        String fit = TestDriver.host(dir, "fit", TestDriver.XENBR0 + TestDriver.WEB_DISK);
        String bare = TestDriver.host(dir, "bare", "");

        Result r = Cli.run("-o", "json", "evacuate", "--check", SOURCE, "--to", bare, "--to", fit);

        assertThat(r.exit()).as("some guests cannot move: " + r).isEqualTo(4);
        JsonNode plan = r.json();
        assertThat(plan.get("dry_run").asBoolean()).isTrue();
        JsonNode moves = plan.get("moves");
        assertThat(moves.findValuesAsText("domain")).as("running ones, largest first").containsExactly("db", "web",
                "router");
        assertThat(moves.get(0).get("outcome").asText()).isEqualTo("stays");
        assertThat(moves.get(0).get("reason").asText()).as("db is PVH").contains("cannot run pvh guests");
        assertThat(moves.get(1).get("outcome").asText()).isEqualTo("planned");
        assertThat(moves.get(1).get("destination").asText()).as("the one host with web's bridge and disk")
                .isNotNull();
        assertThat(moves.get(2).get("outcome").asText()).isEqualTo("stays");
        assertThat(moves.get(2).get("reason").asText()).contains("PCI devices passed through");
        assertThat(plan.get("message").asText()).isEqualTo("1 of 3 guests of " + plan.get("host").asText()
                + " would move; 2 would stay.");
    }

    @Test
    void a_move_that_fails_in_libvirt_is_reported_and_the_others_go_on() throws IOException {
        String fit = TestDriver.host(dir, "fit", TestDriver.XENBR0 + TestDriver.WEB_DISK);

        Result r = Cli.run("evacuate", SOURCE, "--to", fit);

        // libvirt's test driver has no migration: web's move fails there, after every check passed.
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("web").contains("failed").contains("router").contains("stays")
                .contains("0 of 3 guests moved off");
        assertThat(r.err()).contains("could not move web: cannot migrate domain web").contains("web still runs on");
    }

    @Test
    void the_destinations_come_from_the_hosts_groups_or_a_group_named() throws IOException {
        String fit = TestDriver.host(dir, "fit", TestDriver.XENBR0 + TestDriver.WEB_DISK);
        Path conf = dir.resolve("groups.conf");
        Files.writeString(conf, "hosts.rack1 = [ \"" + SOURCE + "\", \"" + fit + "\" ]\n");
        Map<String, String> env = Map.of("XENCTL_CONFIG", conf.toString());

        JsonNode byMembership = Cli.runWith(env, "-o", "json", "evacuate", "--check", SOURCE).json();
        JsonNode byName = Cli.runWith(env, "-o", "json", "evacuate", "--check", SOURCE, "--to", "rack1").json();

        assertThat(byMembership.get("moves").get(1).get("outcome").asText()).isEqualTo("planned");
        assertThat(byName.get("moves")).isEqualTo(byMembership.get("moves"));
        Result none = Cli.runWith(Map.of("XENCTL_CONFIG", "/dev/null"), "evacuate", SOURCE);
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("no destination for the guests of " + SOURCE);
    }

    @Test
    void a_destination_that_cannot_be_reached_is_said_and_the_others_are_used() throws IOException {
        String fit = TestDriver.host(dir, "fit", TestDriver.XENBR0 + TestDriver.WEB_DISK);
        String dead = "test+unix:///default?socket=/nonexistent/libvirt-sock";

        Result r = Cli.run("-o", "json", "evacuate", "--check", SOURCE, "--to", dead, "--to", fit);

        assertThat(r.json().get("unreachable").get(0).asText()).startsWith(dead + ": cannot connect");
        assertThat(r.json().get("moves").get(1).get("outcome").asText()).isEqualTo("planned");
    }

}
