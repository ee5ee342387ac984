package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.PrivateLibvirtd;
import org.xenctl.testing.TestDriver;

/**
 * Several hosts at once: a private libvirtd (libvirt's test driver behind a socket: one domain, "test"), the demo
 * host (web, db, router), and a socket nobody listens on. list merges them with the host named and says which did
 * not answer (exit 7); a verb that names a domain runs on the one host that has it, and is refused when two do or
 * when a change cannot tell. (The test driver keeps no state between connections: a change is checked by what the
 * command reports of the domain it changed, its UUID.)
 */
class FleetTest {
    @TempDir
    static Path dir;

    private static PrivateLibvirtd daemon;
    private static String a;
    private static final String B = TestDriver.demoHost();
    private static final String DEAD = "test+unix:///default?socket=/nonexistent/libvirt-sock";
    private static final String WEB_UUID = "4a1f2c3d-5b6e-4f70-8a91-b2c3d4e5f601";
    private static final String TEST_UUID = "6695eb01-f6a4-8304-79aa-97f2502e193f";

    @BeforeAll
    static void aDaemon() throws Exception {
        daemon = PrivateLibvirtd.start(dir.resolve("a"));
        a = daemon.uri();
    }

    @AfterAll
    static void stopIt() throws Exception {
        daemon.close();
    }

    @Test
    void list_asks_every_host_and_names_each_domains_host() {
        // (Not the states: the daemon's test:///default keeps a change while another connection to it is open.)
        Result r = Cli.run("-c", a, "-c", B, "list", "--columns", "name,id");

        assertThat(r.exit()).as(r.toString()).isZero();
        int width = Math.max(a.length(), B.length());
        assertThat(r.out().lines()).containsExactly(
                String.format("%-" + width + "s  Name    ID", "Host"),
                String.format("%-" + width + "s  test     1", a),
                String.format("%-" + width + "s  web      1", B),
                String.format("%-" + width + "s  db       2", B),
                String.format("%-" + width + "s  router   3", B));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void a_host_that_does_not_answer_is_said_without_hiding_the_others() {
        Result text = Cli.run("-c", a, "-c", DEAD, "list");
        assertThat(text.exit()).isEqualTo(ExitStatus.PARTIAL);
        assertThat(text.out()).contains(a);
        assertThat(text.err()).startsWith("xenctl: error: " + DEAD + ": cannot connect");

        Result json = Cli.run("-c", a, "-c", DEAD, "-o", "json", "list");
        assertThat(json.exit()).isEqualTo(7);
        JsonNode hosts = json.json().get("hosts");
        assertThat(hosts.get(0).get("answered").asBoolean()).isTrue();
        assertThat(hosts.get(0).get("domains").asInt()).isEqualTo(1);
        assertThat(hosts.get(1).get("uri").asText()).isEqualTo(DEAD);
        assertThat(hosts.get(1).get("answered").asBoolean()).isFalse();
        assertThat(hosts.get(1).get("error").get("code").asText()).isEqualTo("connect-failed");
        assertThat(json.json().get("domains").get(0).get("host").asText()).isEqualTo(a);
        assertThat(json.err()).isEmpty();

        Result none = Cli.run("-c", DEAD, "-c", DEAD + "2", "list");
        assertThat(none.exit()).as("no host answered").isEqualTo(6);
    }

    @Test
    void a_frozen_host_costs_the_connect_timeout_not_the_answer(@TempDir Path frozenDir) throws Exception {
        try (PrivateLibvirtd frozen = PrivateLibvirtd.start(frozenDir)) {
            frozen.freeze();
            long started = System.nanoTime();
            Result r = Cli.runWith(Map.of("XENCTL_CONNECT_TIMEOUT", "2"), "-c", a, "-c", frozen.uri(), "-o", "json",
                    "list");
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;

            assertThat(r.exit()).as(r.toString()).isEqualTo(7);
            assertThat(r.json().get("domains").findValuesAsText("name")).containsExactly("test");
            assertThat(r.json().get("hosts").get(1).get("error").get("code").asText()).isEqualTo("connect-failed");
            assertThat(seconds).as("bounded by the 2 s connect timeout").isLessThan(10);
            frozen.thaw();
        }
    }

    @Test
    void pci_host_list_lists_each_hosts_devices_through_libvirt_and_says_which_did_not_answer() {
        Result r = Cli.run("-c", a, "-c", DEAD, "-o", "json", "pci-host-list");

        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitStatus.PARTIAL);
        JsonNode hosts = r.json().get("hosts");
        assertThat(hosts.get(0).get("uri").asText()).isEqualTo(a);
        assertThat(hosts.get(0).get("listing").get("source").asText()).as("a remote host: its node devices")
                .isEqualTo("libvirt");
        assertThat(hosts.get(1).get("answered").asBoolean()).isFalse();
        assertThat(hosts.get(1).get("error").get("code").asText()).isEqualTo("connect-failed");
        Result text = Cli.run("-c", a, "-c", DEAD, "pci-host-list");
        assertThat(text.out()).startsWith("Host");
        assertThat(text.err()).contains(DEAD + ": cannot connect");
    }

    @Test
    void a_group_of_the_config_file_names_its_hosts() throws Exception {
        Path conf = dir.resolve("groups.conf");
        Files.writeString(conf, "hosts.rack1 = [ \"" + a + "\",\n  \"" + B + "\" ]\n");
        Map<String, String> env = Map.of("XENCTL_CONFIG", conf.toString());

        Result rack = Cli.runWith(env, "-H", "rack1", "-o", "json", "list");
        assertThat(rack.exit()).as(rack.toString()).isZero();
        assertThat(rack.json().get("domains").findValuesAsText("name")).containsExactly("test", "web", "db", "router");
        assertThat(Cli.runWith(env, "-H", "all", "-o", "json", "list").json().get("hosts")).hasSize(2);

        Result unknown = Cli.runWith(env, "-H", "rack9", "list");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no host group 'rack9' in " + conf).contains("its groups: rack1");
    }

    @Test
    void a_verb_naming_a_domain_runs_on_the_host_that_has_it() {
        Result web = Cli.run("-c", a, "-c", B, "-o", "json", "pause", "web");
        assertThat(web.exit()).as(web.toString()).isZero();
        assertThat(web.json().get("uuid").asText()).isEqualTo(WEB_UUID);
        Result test = Cli.run("-c", a, "-c", B, "-o", "json", "pause", "test");
        assertThat(test.exit()).as(test.toString()).isZero();
        assertThat(test.json().get("uuid").asText()).isEqualTo(TEST_UUID);

        Result ambiguous = Cli.run("-c", a, "-c", B, "pause", "1");
        assertThat(ambiguous.exit()).isEqualTo(2);
        assertThat(ambiguous.err()).startsWith("xenctl: error: domain '1' is on 2 hosts: " + a + ", " + B);
        assertThat(Cli.run("-c", a, "-c", B, "-o", "json", "pause", "1").err()).contains("\"ambiguous-domain\"");

        Result nowhere = Cli.run("-c", a, "-c", B, "info", "nosuch");
        assertThat(nowhere.exit()).isEqualTo(3);
        assertThat(nowhere.err()).contains("domain 'nosuch' not found on any of the 2 hosts");
    }

    @Test
    void a_change_is_refused_when_a_host_that_might_have_the_domain_did_not_answer() {
        Result change = Cli.run("-c", B, "-c", DEAD, "pause", "web");
        assertThat(change.exit()).isEqualTo(6);
        assertThat(change.err()).contains("cannot tell which host has it: domain 'web' is on " + B).contains(DEAD);

        Result reading = Cli.run("-c", B, "-c", DEAD, "domid", "web");
        assertThat(reading.exit()).as(reading.toString()).isZero();
        assertThat(reading.out()).isEqualTo("1\n");
        assertThat(reading.err()).startsWith("xenctl: warning: domain 'web' is on " + B);
    }

    @Test
    void host_info_shows_each_hosts_room_and_the_fleets_total() {
        Result json = Cli.run("-c", a, "-c", B, "-c", DEAD, "-o", "json", "host-info");

        assertThat(json.exit()).as(json.toString()).isEqualTo(7);
        JsonNode hosts = json.json().get("hosts");
        assertThat(hosts.get(0).get("info").get("cpus").asInt()).isEqualTo(16);
        assertThat(hosts.get(1).get("info").get("cpus").asInt()).isEqualTo(8);
        assertThat(hosts.get(1).get("info").get("free_memory_kib").isNull()).as("the demo host's file has no NUMA "
                + "cells: libvirt cannot tell its free memory").isTrue();
        assertThat(hosts.get(2).get("error").get("code").asText()).isEqualTo("connect-failed");
        JsonNode total = json.json().get("total");
        assertThat(total.get("hosts").asInt()).isEqualTo(2);
        assertThat(total.get("cpus").asInt()).isEqualTo(24);
        assertThat(total.get("memory_kib").asLong()).isEqualTo(hosts.get(0).get("info").get("total_memory_kib")
                .asLong() + hosts.get(1).get("info").get("total_memory_kib").asLong());

        Result text = Cli.run("-c", a, "-c", B, "host-info");
        assertThat(text.exit()).isZero();
        assertThat(text.out().lines().toList().get(3)).startsWith("total (2 of 2 hosts)");
    }

    @Test
    void events_of_every_host_at_once_each_with_its_host_until_the_count_in_all() throws Exception {
        org.xenctl.libvirt.LibvirtHypervisor keeper = TestDriver.keep();
        try {
            AtomicReference<Result> result = new AtomicReference<>();
            Thread listener = new Thread(() -> result.set(Cli.run("-c", TestDriver.DEFAULT, "-c", a, "-c", DEAD,
                    "-o", "json", "events", "--count", "2", "--timeout", "20")));
            listener.start();
            Thread.sleep(1000);  // listening on every host before the first change: events are not replayed
            assertThat(Cli.run("-c", TestDriver.DEFAULT, "pause", "test").exit()).isZero();
            assertThat(Cli.run("-c", TestDriver.DEFAULT, "unpause", "test").exit()).isZero();
            listener.join(20_000);

            Result r = result.get();
            assertThat(r).as("events ended").isNotNull();
            assertThat(r.exit()).as(r.toString()).isEqualTo(7);
            List<JsonNode> lines = r.out().lines().map(FleetTest::json).toList();
            assertThat(lines).hasSize(3);
            assertThat(lines.subList(0, 2)).extracting(line -> line.get("host").asText() + " "
                    + line.get("event").asText()).containsExactly(TestDriver.DEFAULT + " paused",
                    TestDriver.DEFAULT + " resumed");
            JsonNode end = lines.get(2);
            assertThat(end.get("events").asInt()).isEqualTo(2);
            assertThat(end.get("ended").asText()).isEqualTo("count");
            assertThat(end.get("hosts").get(1).get("answered").asBoolean()).as("stopped, not failed").isTrue();
            assertThat(end.get("hosts").get(2).get("error").get("code").asText()).isEqualTo("connect-failed");
        } finally {
            keeper.close();
        }
        assertThat(Cli.run("-c", a, "-c", B, "events", "--count", "0").exit()).as("checked once, before any host")
                .isEqualTo(2);
    }

    @Test
    void stats_reads_every_host_in_each_interval_each_domain_with_its_host() {
        Result r = Cli.run("-c", a, "-c", B, "-o", "json", "stats", "--count", "2", "--interval", "0.2");

        assertThat(r.exit()).as(r.toString()).isZero();
        List<JsonNode> lines = r.out().lines().map(FleetTest::json).toList();
        assertThat(lines).hasSize(9);
        for (List<JsonNode> interval : List.of(lines.subList(0, 4), lines.subList(4, 8))) {
            assertThat(interval).extracting(line -> line.get("host").asText() + " " + line.get("domain").asText())
                    .containsExactly(a + " test", B + " web", B + " db", B + " router");
            assertThat(interval).extracting(line -> line.get("time").asText()).as("one reading per interval")
                    .containsOnly(interval.get(0).get("time").asText());
            assertThat(interval.get(0).get("cpu_percent").asDouble()).as("a rate from two readings").isPositive();
        }
        JsonNode end = lines.get(8);
        assertThat(end.get("intervals").asInt()).isEqualTo(2);
        assertThat(end.get("hosts").findValuesAsText("uri")).containsExactly(a, B);
        assertThat(end.get("hosts").findValuesAsText("answered")).containsOnly("true");

        Result text = Cli.run("-c", a, "-c", B, "stats", "--count", "1", "--interval", "0.1");
        assertThat(text.exit()).as(text.toString()).isZero();
        List<String> table = text.out().lines().toList();
        assertThat(table.get(1)).startsWith("HOST").contains("NAME");
        assertThat(table.subList(2, 6)).allMatch(line -> line.startsWith(a) || line.startsWith(B));
        assertThat(table.get(table.size() - 1)).isEqualTo("1 interval (2 of 2 hosts answered throughout)");
    }

    @Test
    void stats_goes_on_without_a_host_that_does_not_answer_or_stops_answering(@TempDir Path lostDir)
            throws Exception {
        Result dead = Cli.run("-c", a, "-c", DEAD, "-o", "json", "stats", "--count", "1", "--interval", "0.1");
        assertThat(dead.exit()).as(dead.toString()).isEqualTo(ExitStatus.PARTIAL);
        List<JsonNode> lines = dead.out().lines().map(FleetTest::json).toList();
        assertThat(lines.get(0).get("host").asText()).isEqualTo(a);
        JsonNode end = lines.get(lines.size() - 1);
        assertThat(end.get("hosts").get(1).get("error").get("code").asText()).isEqualTo("connect-failed");
        Result deadText = Cli.run("-c", a, "-c", DEAD, "stats", "--count", "1", "--interval", "0.1");
        assertThat(deadText.err()).startsWith("xenctl: error: " + DEAD + ": cannot connect");

        try (PrivateLibvirtd lost = PrivateLibvirtd.start(lostDir)) {
            AtomicReference<Result> result = new AtomicReference<>();
            Thread stats = new Thread(() -> result.set(Cli.run("-c", lost.uri(), "-c", B, "-o", "json", "stats",
                    "--count", "4", "--interval", "0.5")));
            stats.start();
            Thread.sleep(800);  // its first interval printed, its second under way
            lost.kill();
            stats.join(30_000);

            Result r = result.get();
            assertThat(r).as("stats ended").isNotNull();
            assertThat(r.exit()).as(r.toString()).isEqualTo(ExitStatus.PARTIAL);
            List<JsonNode> rows = r.out().lines().map(FleetTest::json).toList();
            JsonNode last = rows.get(rows.size() - 1);
            assertThat(last.get("intervals").asInt()).as("the other host read to the end").isEqualTo(4);
            assertThat(rows).filteredOn(row -> B.equals(row.path("host").asText())).hasSize(4 * 3);
            assertThat(rows).filteredOn(row -> lost.uri().equals(row.path("host").asText())).hasSizeBetween(1, 2);
            assertThat(last.get("hosts").get(0).get("answered").asBoolean()).isFalse();
            assertThat(last.get("hosts").get(0).get("error").get("code").asText()).isNotEmpty();
            assertThat(last.get("hosts").get(1).get("answered").asBoolean()).isTrue();
        }

        Result none = Cli.run("-c", DEAD, "-c", DEAD + "2", "-o", "json", "stats", "--count", "1");
        assertThat(none.exit()).as("no host answered").isEqualTo(6);
        assertThat(none.json().get("intervals").asInt()).isZero();
    }

    @Test
    void stats_over_several_hosts_names_no_domain() {
        Result r = Cli.run("-c", a, "-c", B, "stats", "web");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("xenctl: error: stats over several hosts shows every running domain of each");
        assertThat(Cli.run("-c", a, "-c", B, "stats", "--count", "0").exit()).as("checked before any host")
                .isEqualTo(2);
    }

    private static JsonNode json(String line) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_verb_for_one_host_refuses_several() {
        Result r = Cli.run("-c", a, "-c", B, "pci-assignable-list");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("xenctl: error: pci-assignable-list works on one host");
        assertThat(Cli.run("-c", a, "-c", B, "create", "/nonexistent.cfg").exit()).isEqualTo(2);
    }
}
