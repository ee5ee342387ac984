package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.testing.Cli;

/**
 * `list` over a generated test host of hundreds of domains, each with its own state, memory and vCPUs: what the
 * bulk stats call leaves out (libvirt's test driver gives only the state) is completed several calls at a time, and
 * every domain must still come back with its own figures, in xl's order.
 */
class BulkListTest {
    private static final int DOMAINS = 300;

    @TempDir
    static Path dir;
    private static String host;

    @BeforeAll
    static void generateHost() throws IOException {
        StringBuilder node = new StringBuilder("<node>\n");
        for (int i = 0; i < DOMAINS; i++) {
            node.append("<domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>")
                    .append("<name>").append(name(i)).append("</name>")
                    .append("<memory unit='KiB'>").append(memoryKiB(i)).append("</memory>")
                    .append("<vcpu>").append(vcpus(i)).append("</vcpu><os><type>hvm</type></os>");
            switch (state(i)) {
                case "shutoff" -> node.append("<test:runstate>5</test:runstate>");
                case "paused" -> node.append("<test:runstate>3</test:runstate>");
                default -> { }
            }
            node.append("</domain>\n");
        }
        Path file = dir.resolve("many-domains.xml");
        Files.writeString(file, node.append("</node>\n"));
        host = "test://" + file;
    }

    @Test
    void every_domain_comes_back_with_its_own_state_and_figures() {
        Cli.Result r = Cli.run("-c", host, "list", "--all", "-o", "json");

        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> domains = new ArrayList<>();
        r.json().get("domains").forEach(domains::add);
        assertThat(domains).hasSize(DOMAINS);
        for (JsonNode domain : domains) {
            int i = Integer.parseInt(domain.get("name").asText().substring(1));
            assertThat(domain.get("state").asText()).as(domain.toString()).isEqualTo(state(i));
            assertThat(domain.get("max_memory_kib").asLong()).as(domain.toString()).isEqualTo(memoryKiB(i));
            assertThat(domain.get("vcpus").asInt()).as(domain.toString()).isEqualTo(vcpus(i));
        }
        // xl's order: active domains by id first, then the shut-off ones (no id) by name.
        int active = (int) domains.stream().filter(d -> d.get("id").isInt()).count();
        assertThat(domains.subList(0, active)).extracting(d -> d.get("id").asInt()).isSorted();
        assertThat(domains.subList(active, DOMAINS)).allMatch(d -> d.get("id").isNull())
                .extracting(d -> d.get("name").asText()).isSorted();
    }

    @Test
    void active_domains_only_and_named_domains_in_the_order_asked() {
        Cli.Result active = Cli.run("-c", host, "list", "-o", "json");
        List<String> names = IntStream.range(0, DOMAINS).map(i -> DOMAINS - 1 - i).mapToObj(BulkListTest::name)
                .toList();
        List<String> args = new ArrayList<>(List.of("-c", host, "list", "-o", "json"));
        args.addAll(names);
        Cli.Result named = Cli.run(args.toArray(String[]::new));

        assertThat(active.json().get("domains")).hasSize(
                (int) IntStream.range(0, DOMAINS).filter(i -> !state(i).equals("shutoff")).count());
        assertThat(named.exit()).as(named.err()).isZero();
        List<String> listed = new ArrayList<>();
        named.json().get("domains").forEach(d -> listed.add(d.get("name").asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void columns_without_resources_give_every_domains_state_and_the_same_order() {
        Cli.Result full = Cli.run("-c", host, "list", "--all", "-o", "json");
        Cli.Result states = Cli.run("-c", host, "list", "--all", "-o", "json", "--columns", "name,id,state");

        assertThat(states.exit()).as(states.err()).isZero();
        List<String> expected = new ArrayList<>();
        full.json().get("domains").forEach(d -> expected.add(
                "{\"name\":" + d.get("name") + ",\"id\":" + d.get("id") + ",\"state\":" + d.get("state") + "}"));
        List<String> listed = new ArrayList<>();
        states.json().get("domains").forEach(d -> listed.add(d.toString()));
        assertThat(listed).hasSize(DOMAINS).isEqualTo(expected);
    }

    private static String name(int i) {
        return String.format("g%03d", i);
    }

    private static long memoryKiB(int i) {
        return 131072 + 1024L * i;
    }

    private static int vcpus(int i) {
        return i % 8 + 1;
    }

    private static String state(int i) {
        return i % 3 == 0 ? "shutoff" : i % 5 == 0 ? "paused" : "running";
    }
}
