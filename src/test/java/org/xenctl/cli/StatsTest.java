package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenctl.libvirt.LibvirtHypervisor;
import org.xenctl.testing.Churn;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.TestDriver;

/**
 * stats on libvirt's test driver, whose running domain's counters grow with the wall clock (CPU time: one CPU's
 * worth per second; interfaces and disks: fixed rates), so the rates computed from two readings have known sizes.
 */
class StatsTest {
    private LibvirtHypervisor keep;

    @BeforeEach
    void aTestHost() {
        keep = TestDriver.keep();
    }

    @AfterEach
    void closeIt() {
        keep.close();
    }

    @Test
    void json_lines_give_each_running_domain_per_interval_with_rates_from_two_readings() {
        Result stats = Cli.onTestDriver("-o", "json", "stats", "--count", "2", "--interval", "0.3");

        assertThat(stats.exit()).as(stats.toString()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        stats.out().lines().forEach(line -> lines.add(Cli.Result.parse(line)));
        assertThat(lines).hasSize(3);
        for (JsonNode row : lines.subList(0, 2)) {
            assertThat(row.get("domain").asText()).isEqualTo("test");
            assertThat(row.get("state").asText()).isEqualTo("running");
            // The test driver's CPU time is the wall clock: about one CPU busy.
            assertThat(row.get("cpu_percent").asDouble()).isBetween(50.0, 200.0);
            assertThat(row.get("net_rx_bps").asLong()).isPositive();
            assertThat(row.get("block_read_bps").asLong()).isPositive();
            assertThat(row.get("vcpus").asInt()).isEqualTo(2);
        }
        assertThat(lines.get(1).get("cpu_ns").asLong()).isGreaterThan(lines.get(0).get("cpu_ns").asLong());
        assertThat(lines.get(2).get("intervals").asInt()).isEqualTo(2);
    }

    @Test
    void domains_that_come_and_go_between_the_listing_and_their_counters_are_left_out_not_an_error()
            throws Exception {
        Result stats;
        try (Churn churn = new Churn(keep)) {
            stats = Cli.onTestDriver("-o", "json", "stats", "--count", "15", "--interval", "0.1");
        }

        assertThat(stats.exit()).as(stats.toString()).isZero();
        assertThat(stats.out().lines().filter(line -> line.contains("\"domain\":\"test\""))).hasSize(15);
    }

    @Test
    void text_is_xentops_table_per_interval_and_the_named_domains_only() {
        keep.define("<domain type='test'><name>idle</name><memory>131072</memory><os><type>hvm</type></os>"
                + "</domain>");
        Result stats = Cli.onTestDriver("top", "-n", "1", "-i", "0.2", "test");

        assertThat(stats.exit()).as(stats.toString()).isZero();
        assertThat(stats.out()).contains("NAME  ID  STATE    CPU(%)").contains("\ntest   1  running ")
                .doesNotContain("idle").endsWith("\n1 interval\n");
    }

    @Test
    void bad_options_and_unknown_domains_end_before_any_reading() {
        assertThat(Cli.onTestDriver("stats", "-n", "0").exit()).isEqualTo(2);
        assertThat(Cli.onTestDriver("stats", "-i", "0.01", "-n", "1").exit()).isEqualTo(2);
        assertThat(Cli.onTestDriver("stats", "-n", "1", "nosuch").exit()).isEqualTo(3);
    }
}
