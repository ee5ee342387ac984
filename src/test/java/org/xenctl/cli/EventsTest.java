package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.OnDefaultTestHost;

/** `events` on test:///default: each lifecycle transition another client causes appears, in order. */
class EventsTest extends OnDefaultTestHost {
    private static final String GUEST = """
            <domain type='test'><name>ev1</name><memory unit='MiB'>128</memory><os><type>xen</type></os></domain>
            """;

    private Result listenWhile(Runnable actions, String... args) throws Exception {
        AtomicReference<Result> result = new AtomicReference<>();
        Thread listener = new Thread(() -> result.set(xenctl(args)));
        listener.start();
        Thread.sleep(700);  // registered before the first action: events are not replayed
        actions.run();
        listener.join(20_000);
        assertThat(result.get()).as("events ended").isNotNull();
        return result.get();
    }

    @Test
    void each_transition_appears_in_order_as_a_json_line_then_the_end() throws Exception {
        java.nio.file.Path xml = java.nio.file.Files.createTempFile("ev1", ".xml");
        java.nio.file.Files.writeString(xml, GUEST);

        Result r = listenWhile(() -> {
            for (String[] verb : List.of(new String[] {"define", xml.toString()}, new String[] {"start", "ev1"},
                    new String[] {"pause", "ev1"}, new String[] {"unpause", "ev1"}, new String[] {"destroy", "ev1"},
                    new String[] {"undefine", "ev1"})) {
                assertThat(xenctl(verb).exit()).as(String.join(" ", verb)).isZero();
            }
        }, "-o", "json", "events", "ev1", "--count", "6", "--timeout", "15");

        assertThat(r.exit()).as(r.toString()).isZero();
        List<JsonNode> lines = r.out().lines().map(EventsTest::json).toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.subList(0, 6)).extracting(l -> l.get("event").asText() + " " + l.get("detail").asText())
                .containsExactly("defined added", "started booted", "paused paused", "resumed unpaused",
                        "stopped destroyed", "undefined removed");
        assertThat(lines.get(0).get("name").asText()).isEqualTo("ev1");
        assertThat(lines.get(1).get("id").asInt()).isPositive();
        assertThat(lines.get(6).get("events").asInt()).isEqualTo(6);
        assertThat(lines.get(6).get("ended").asText()).isEqualTo("count");
    }

    @Test
    void other_domains_are_filtered_out_and_the_timeout_ends_it_with_exit_0() throws Exception {
        Result r = listenWhile(() -> assertThat(xenctl("pause", "test").exit()).isZero(),
                "events", "no-such-domain-yet", "--timeout", "1.5");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("0 events, timeout\n");
        xenctl("unpause", "test");
    }

    @Test
    void text_lines_carry_time_name_event_and_detail() throws Exception {
        Result r = listenWhile(() -> assertThat(xenctl("pause", "test").exit()).isZero(),
                "events", "--count", "1");

        assertThat(r.out()).matches("\\d{4}-\\d\\d-\\d\\dT\\S+ test paused paused\\n1 event, count reached\\n");
        xenctl("unpause", "test");
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
