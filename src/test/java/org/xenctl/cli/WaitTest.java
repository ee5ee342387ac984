package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.OnDefaultTestHost;

/** `wait` on test:///default: the state reached, a timeout, a domain that goes while waited for. */
class WaitTest extends OnDefaultTestHost {

    @Test
    void a_state_that_already_holds_returns_at_once() {
        Result r = xenctl("wait", "test", "--state", "running", "-o", "json");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().get("state").asText()).isEqualTo("running");
        assertThat(xenctl("wait", "test", "-s", "running").out()).isEqualTo("Domain test is running.\n");
    }

    @Test
    void a_state_that_does_not_come_exits_4_when_the_timeout_passes() {
        Result r = xenctl("wait", "test", "--state", "shutoff", "--timeout", "0.3");

        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).isEqualTo("""
                xenctl: error: domain test is not shutoff after 0.3 s (it is running)
                xenctl: hint: wait longer with --timeout
                """);
    }

    @Test
    void waiting_for_shutoff_returns_when_another_client_destroys_the_domain() throws Exception {
        AtomicReference<Result> result = new AtomicReference<>();
        Thread waiter = new Thread(() -> result.set(xenctl("wait", "test", "--state", "shutoff", "--timeout", "20",
                "-o", "json")));
        waiter.start();
        Thread.sleep(500);
        assertThat(result.get()).as("still waiting").isNull();

        assertThat(xenctl("destroy", "test").exit()).isZero();
        waiter.join(10_000);

        assertThat(result.get().exit()).as(result.get().toString()).isZero();
        assertThat(result.get().json().get("state").asText()).isEqualTo("shutoff");
        assertThat(result.get().json().get("waited_ms").asLong()).isGreaterThanOrEqualTo(400);
    }

    @Test
    void gone_holds_for_a_domain_that_does_not_exist_and_an_unknown_state_is_a_usage_error() {
        assertThat(xenctl("wait", "no-such-domain", "--state", "gone").exit()).isZero();
        assertThat(xenctl("wait", "no-such-domain", "--state", "running").exit()).isEqualTo(3);
        Result bad = xenctl("wait", "test", "--state", "up");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).startsWith("xenctl: error: 'up' is not a state to wait for");
    }
}
