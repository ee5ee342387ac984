package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.TestDriver;

/**
 * sched-credit and sched-credit2 on libvirt's test driver, whose scheduler is its own ("fair", a weight only): what
 * is refused and when, xl's -c CAP after the verb, and info's scheduler and vCPU placement. Setting a weight and cap
 * is proven on Xen itself, read back by xl sched-credit2 (ResourcesXenLabIT).
 */
class SchedCommandsTest {
    private static Result demo(String... args) {
        return Cli.onDemoHost(args);
    }

    @Test
    void a_host_running_another_scheduler_is_refused_with_the_verb_for_it_where_there_is_one() {
        Result listed = demo("sched-credit");
        Result set = demo("-o", "json", "sched-credit2", "-d", "web", "-w", "512");

        assertThat(listed.exit()).as(listed.toString()).isEqualTo(1);
        assertThat(listed.err()).startsWith("xenctl: error: this host runs the fair scheduler, not credit\n");
        assertThat(set.exit()).isEqualTo(1);
        assertThat(set.errorJson().get("error").get("code").asText()).isEqualTo("unsupported");
    }

    @Test
    void after_the_verb_c_is_the_cap_as_in_xl_and_connect_keeps_its_long_name() {
        Result cap = Cli.run("-c", TestDriver.demoHost(), "sched-credit2", "-d", "web", "-c", "50");
        Result connect = Cli.run("sched-credit2", "-d", "web", "--connect", TestDriver.demoHost(), "--cap", "50");
        Result help = Cli.run("sched-credit2", "--help");

        assertThat(cap.err()).as(cap.toString()).contains("runs the fair scheduler");
        assertThat(connect.err()).as(connect.toString()).contains("runs the fair scheduler");
        assertThat(help.out()).contains("-c, --cap=CAP").contains("--connect=URI").doesNotContain("-c, --connect");
    }

    @Test
    void out_of_range_and_incomplete_requests_are_refused_before_libvirt_is_asked() {
        // before the host's scheduler is even read: the test driver's would be refused otherwise (exit 1)
        Result zero = demo("sched-credit2", "-d", "web", "-w", "0");
        Result tooHeavy = demo("-o", "json", "sched-credit", "-d", "web", "-w", "65536");
        Result negativeCap = demo("sched-credit", "-d", "web", "-c", "-1");
        Result noDomain = demo("sched-credit2", "-w", "300");

        assertThat(zero.exit()).as(zero.toString()).isEqualTo(4);
        assertThat(zero.err()).startsWith("xenctl: error: a weight is 1 to 65535, not 0\n");
        assertThat(tooHeavy.errorJson().get("error").get("code").asText()).isEqualTo("out-of-range");
        assertThat(negativeCap.exit()).as(negativeCap.toString()).isEqualTo(4);
        assertThat(noDomain.exit()).isEqualTo(2);
        assertThat(noDomain.err()).contains("-w and -c need a domain");
    }

    @Test
    void a_domain_that_is_not_running_has_no_share_to_show_or_set() {
        Result shown = demo("sched-credit2", "-d", "build");
        Result missing = demo("sched-credit2", "-d", "nosuch", "-w", "300");

        assertThat(shown.exit()).isEqualTo(4);
        assertThat(shown.err()).contains("domain build is not running");
        assertThat(missing.exit()).isEqualTo(3);
    }

    @Test
    void info_shows_the_scheduler_share_and_where_each_vcpu_runs() {
        JsonNode web = demo("-o", "json", "info", "web").json();
        JsonNode build = demo("-o", "json", "info", "build").json();
        Result text = demo("info", "web");

        assertThat(web.get("scheduler").get("name").asText()).isEqualTo("fair");
        assertThat(web.get("scheduler").get("weight").isInt()).isTrue();
        assertThat(web.get("scheduler").get("cap").isNull()).isTrue();
        assertThat(web.get("vcpu_placement")).hasSize(2);
        assertThat(web.get("vcpu_placement").get(1).get("vcpu").asInt()).isEqualTo(1);
        assertThat(web.get("vcpu_placement").get(0).get("state").asText()).isEqualTo("running");
        assertThat(web.get("vcpu_placement").get(0).get("affinity").asText()).isEqualTo("all");
        assertThat(build.get("scheduler").isNull()).isTrue();
        assertThat(build.get("vcpu_placement")).hasSize(2);
        assertThat(build.get("vcpu_placement").get(0).get("state").isNull()).isTrue();
        assertThat(text.out()).containsPattern("Scheduler: +fair \\(weight [0-9]+\\)\n")
                .contains("VCPU placement:\n  vcpu 0 on CPU ");
    }
}
