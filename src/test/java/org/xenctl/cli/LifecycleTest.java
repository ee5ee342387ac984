package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.OnDefaultTestHost;
import org.xenctl.testing.TestDriver;

/** Every lifecycle verb on test:///default, whose state a held connection keeps between commands. */
class LifecycleTest extends OnDefaultTestHost {
    /** A guest that comes back up when asked to power off: its shutdown never completes. */
    private static final String STUBBORN = """
            <domain type='test'>
              <name>stubborn</name>
              <memory unit='MiB'>128</memory>
              <os><type>xen</type></os>
              <on_poweroff>restart</on_poweroff>
            </domain>
            """;

    @TempDir
    Path dir;

    private static String state(String domain) {
        return xenctl("list", "--all", domain, "-o", "json").json().get("domains").get(0).get("state").asText();
    }

    private void defineStubborn() throws Exception {
        Path xml = dir.resolve("stubborn.xml");
        Files.writeString(xml, STUBBORN);
        assertThat(xenctl("define", xml.toString()).exit()).isZero();
        assertThat(xenctl("start", "stubborn").exit()).isZero();
    }

    @Test
    void pause_and_unpause_report_whether_they_changed_anything() {
        JsonNode first = xenctl("pause", "test", "-o", "json").json();
        assertThat(first.get("changed").asBoolean()).isTrue();
        assertThat(first.get("state").asText()).isEqualTo("paused");
        Result again = xenctl("pause", "test", "-o", "json");
        assertThat(again.exit()).isZero();
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        assertThat(xenctl("pause", "test").out()).isEqualTo("Domain test is already paused.\n");

        assertThat(xenctl("unpause", "test", "-o", "json").json().get("changed").asBoolean()).isTrue();
        assertThat(state("test")).isEqualTo("running");
        Result unpaused = xenctl("unpause", "test", "-o", "json");
        assertThat(unpaused.exit()).isZero();
        assertThat(unpaused.json().get("changed").asBoolean()).isFalse();
    }

    @Test
    void destroy_stops_the_domain_and_destroying_it_again_is_a_no_op() {
        Result destroyed = xenctl("destroy", "test", "-o", "json");
        assertThat(destroyed.exit()).as(destroyed.toString()).isZero();
        assertThat(destroyed.json().get("changed").asBoolean()).isTrue();
        assertThat(destroyed.json().get("state").asText()).isEqualTo("shutoff");
        assertThat(state("test")).isEqualTo("shutoff");

        Result again = xenctl("destroy", "test", "-o", "json");
        assertThat(again.exit()).isZero();
        assertThat(again.json().get("changed").asBoolean()).isFalse();
    }

    @Test
    void start_starts_a_stopped_domain_and_is_a_no_op_on_a_running_one() {
        xenctl("destroy", "test");
        Result started = xenctl("start", "test");
        assertThat(started.exit()).as(started.toString()).isZero();
        assertThat(started.out()).isEqualTo("Domain test started.\n");
        assertThat(state("test")).isEqualTo("running");
        Result again = xenctl("start", "test", "-o", "json");
        assertThat(again.exit()).isZero();
        assertThat(again.json().get("changed").asBoolean()).isFalse();
    }

    @Test
    void start_paused_on_a_driver_that_cannot_says_so_and_leaves_the_domain_off() {
        xenctl("destroy", "test");
        Result r = xenctl("start", "--paused", "test", "-o", "json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errorJson().get("error").get("code").asText()).isEqualTo("unsupported");
        assertThat(state("test")).isEqualTo("shutoff");
    }

    @Test
    void quiet_suppresses_confirmations() {
        Result r = xenctl("-q", "pause", "test");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void shutdown_wait_returns_once_the_domain_is_off() {
        Result r = xenctl("shutdown", "--wait", "test", "-o", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().get("state").asText()).isEqualTo("shutoff");
        assertThat(r.json().get("forced").asBoolean()).isFalse();
        assertThat(xenctl("shutdown", "test", "-o", "json").json().get("changed").asBoolean()).isFalse();
    }

    @Test
    void shutdown_that_times_out_exits_4_and_leaves_the_domain_running() throws Exception {
        defineStubborn();
        Result r = xenctl("shutdown", "stubborn", "--timeout", "0.3", "-o", "json");
        assertThat(r.exit()).as(r.toString()).isEqualTo(4);
        assertThat(r.errorJson().get("error").get("code").asText()).isEqualTo("timeout");
        assertThat(r.errorJson().get("error").get("message").asText())
                .isEqualTo("domain stubborn is not shut off after 0.3 s (it is running)");
        assertThat(state("stubborn")).isEqualTo("running");
    }

    @Test
    void forced_shutdown_destroys_the_domain_when_the_time_is_up() throws Exception {
        defineStubborn();
        Result r = xenctl("shutdown", "stubborn", "--force", "--timeout", "0.3", "-o", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().get("forced").asBoolean()).isTrue();
        assertThat(r.json().get("state").asText()).isEqualTo("shutoff");
        assertThat(state("stubborn")).isEqualTo("shutoff");
    }

    @Test
    void interrupting_a_wait_exits_130_and_leaves_the_domain_as_it_is() throws Exception {
        defineStubborn();
        AtomicReference<Result> result = new AtomicReference<>();
        // What Ctrl-C does: Interrupts interrupts the thread running the command.
        Thread command = new Thread(() ->
                result.set(xenctl("shutdown", "stubborn", "--force", "--timeout", "30", "-o", "json")));
        command.start();
        Thread.sleep(700);
        command.interrupt();
        command.join(10_000);
        Result r = result.get();
        assertThat(r).isNotNull();
        assertThat(r.exit()).as(r.toString()).isEqualTo(130);
        assertThat(r.errorJson().get("error").get("code").asText()).isEqualTo("interrupted");
        assertThat(state("stubborn")).as("--force must not destroy after Ctrl-C").isEqualTo("running");
    }

    @Test
    void shutdown_all_stops_every_running_domain() throws Exception {
        Path xml = dir.resolve("guest.xml");
        Files.writeString(xml, Files.readString(TestDriver.repositoryFile("examples/guest.xml")));
        assertThat(xenctl("create", xml.toString()).exit()).isZero();
        Result r = xenctl("shutdown", "--all", "--wait", "-o", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().get("results").findValuesAsText("name")).containsExactlyInAnyOrder("test", "guest1");
        assertThat(r.json().get("results").findValuesAsText("state")).containsOnly("shutoff");
        assertThat(xenctl("list", "-o", "json").json().get("domains")).isEmpty();
    }

    /**
     * A paused guest cannot take the request (libxl fails it after 60 s, and the domains after it were never
     * asked): --all names it before anything is sent; with --force it is destroyed, unasked, when the time is up.
     */
    @Test
    void shutdown_all_with_a_paused_guest_refuses_or_with_force_destroys_it_when_the_time_is_up() throws Exception {
        Path xml = dir.resolve("guest.xml");
        Files.writeString(xml, Files.readString(TestDriver.repositoryFile("examples/guest.xml")));
        assertThat(xenctl("create", xml.toString()).exit()).isZero();
        assertThat(xenctl("pause", "guest1").exit()).isZero();

        Result refused = xenctl("shutdown", "--all", "--wait", "-o", "json");

        assertThat(refused.exit()).as(refused.toString()).isEqualTo(4);
        JsonNode error = refused.errorJson().get("error");
        assertThat(error.get("code").asText()).isEqualTo("wrong-state");
        assertThat(error.get("message").asText()).isEqualTo("cannot shut down guest1: it is paused, and no kernel "
                + "runs in it to take the request");
        assertThat(error.get("hint").asText()).isEqualTo("let it run first (xenctl unpause guest1), destroy it, or "
                + "give --force to destroy it when the time is up; nothing was sent");
        assertThat(state("test")).as("nothing was sent").isEqualTo("running");

        Result forced = xenctl("shutdown", "--all", "--force", "--timeout", "0.5", "-o", "json");

        assertThat(forced.exit()).as(forced.toString()).isZero();
        JsonNode results = forced.json().get("results");
        assertThat(results.get(0).get("name").asText()).isEqualTo("test");
        assertThat(results.get(0).get("forced").asBoolean()).isFalse();
        assertThat(results.get(1).get("name").asText()).isEqualTo("guest1");
        assertThat(results.get(1).get("forced").asBoolean()).isTrue();
        assertThat(results.get(1).get("message").asText()).isEqualTo("Domain guest1 was paused, so no kernel ran in "
                + "it to take the request: destroyed after 0.5 s.");
        assertThat(xenctl("list", "-o", "json").json().get("domains")).isEmpty();
    }

    @Test
    void shutdown_acpi_refuses_a_guest_without_a_power_button_before_anything_is_sent() throws Exception {
        defineStubborn();  // a PV guest

        Result r = xenctl("shutdown", "--acpi", "stubborn", "-o", "json");

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        JsonNode error = r.errorJson().get("error");
        assertThat(error.get("code").asText()).isEqualTo("unsupported");
        assertThat(error.get("message").asText()).isEqualTo("no ACPI power button to press in stubborn (pv): Xen "
                + "emulates one for HVM guests only");
        assertThat(error.get("hint").asText()).startsWith("shut it down without --acpi");
        Result all = xenctl("shutdown", "--all", "--acpi", "-o", "json");
        assertThat(all.exit()).isEqualTo(1);
        assertThat(all.errorJson().get("error").get("message").asText())
                .as("test is HVM: only the PV guest is named").startsWith("no ACPI power button to press in stubborn (pv):");
        assertThat(state("stubborn")).isEqualTo("running");
        assertThat(state("test")).as("--all refuses before any request is sent").isEqualTo("running");
    }

    @Test
    void shutdown_acpi_asks_libvirt_for_the_power_button_only() {
        // test:///default's "test" is HVM, so the request reaches libvirt, with the ACPI flag: the test driver takes
        // no shutdown flags and refuses it, where a flagless shutdown (above) succeeds.
        Result r = xenctl("shutdown", "--acpi", "test", "-o", "json");

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        JsonNode error = r.errorJson().get("error");
        assertThat(error.get("code").asText()).isEqualTo("unsupported");
        assertThat(error.get("message").asText()).startsWith("cannot press the ACPI power button of domain test: "
                + "libvirt's driver for this host cannot send an ACPI power button event (");
        assertThat(state("test")).isEqualTo("running");
    }

    @Test
    void shutdown_needs_a_domain_or_all() {
        assertThat(xenctl("shutdown").exit()).isEqualTo(2);
        assertThat(xenctl("shutdown", "--all", "test").exit()).isEqualTo(2);
    }

    @Test
    void reboot_wait_returns_once_the_domain_runs_again() {
        Result r = xenctl("reboot", "--wait", "--timeout", "10", "test", "-o", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().get("state").asText()).isEqualTo("running");
        assertThat(xenctl("list", "test", "-o", "json").json().get("domains").get(0).get("reason").asText())
                .isEqualTo("booted");
    }

    @Test
    void a_second_reboot_wait_returns_too() {
        // libvirt's test driver reboots in place within the call, with no event; after the first reboot the state
        // reason stays "booted", and a second reboot --wait waited for ever (found by random batches).
        assertThat(xenctl("reboot", "--wait", "--timeout", "10", "test").exit()).isZero();
        Result again = xenctl("reboot", "--wait", "--timeout", "10", "test", "-o", "json");
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.json().get("message").asText()).isEqualTo("Domain test has rebooted.");
    }

    @Test
    void reboot_wait_of_a_domain_whose_on_reboot_is_destroy_says_it_is_off() throws Exception {
        Path xml = Files.writeString(dir.resolve("once.xml"), STUBBORN.replace("stubborn", "once")
                .replace("<on_poweroff>restart</on_poweroff>", "<on_reboot>destroy</on_reboot>"));
        assertThat(xenctl("define", xml.toString()).exit()).isZero();
        assertThat(xenctl("start", "once").exit()).isZero();
        Result r = xenctl("reboot", "--wait", "--timeout", "10", "once", "-o", "json");
        assertThat(r.exit()).as(r.toString()).isEqualTo(4);
        assertThat(r.errorJson().get("error").get("message").asText())
                .isEqualTo("domain once is shut off after its reboot instead of running again");
    }

    @Test
    void verbs_that_need_a_running_domain_exit_4_on_a_stopped_one() {
        xenctl("destroy", "test");
        for (String verb : new String[] {"reboot", "pause", "unpause"}) {
            Result r = xenctl(verb, "test", "-o", "json");
            assertThat(r.exit()).as(verb).isEqualTo(4);
            assertThat(r.errorJson().get("error").get("code").asText()).isEqualTo("wrong-state");
            assertThat(r.errorJson().get("error").get("hint").asText()).contains("xenctl start test");
        }
    }

    @Test
    void rename_works_on_a_stopped_domain_only() {
        Result running = xenctl("rename", "test", "renamed", "-o", "json");
        assertThat(running.exit()).isEqualTo(4);
        assertThat(running.errorJson().get("error").get("message").asText())
                .contains("cannot rename domain test to renamed");
        xenctl("destroy", "test");
        Result renamed = xenctl("rename", "test", "renamed", "-o", "json");
        assertThat(renamed.exit()).as(renamed.toString()).isZero();
        assertThat(renamed.json().get("name").asText()).isEqualTo("renamed");
        assertThat(xenctl("domname", "6695eb01-f6a4-8304-79aa-97f2502e193f").out()).isEqualTo("renamed\n");
        assertThat(xenctl("rename", "renamed", "renamed", "-o", "json").json().get("changed").asBoolean())
                .isFalse();
    }

    @Test
    void a_file_with_another_domains_uuid_is_refused_as_the_conflict_it_is(@TempDir Path dir) throws Exception {
        Path cfg = Files.writeString(dir.resolve("u.cfg"),
                "name = \"u\"\ntype = \"hvm\"\nuuid = \"6695eb01-f6a4-8304-79aa-97f2502e193f\"\n");

        for (String verb : new String[] {"create", "define"}) {
            Result r = xenctl(verb, cfg.toString(), "-o", "json");
            assertThat(r.exit()).as(verb + ": " + r).isEqualTo(4);
            JsonNode error = r.errorJson().get("error");
            assertThat(error.get("code").asText()).isEqualTo("domain-exists");
            assertThat(error.get("message").asText()).isEqualTo("uuid 6695eb01-f6a4-8304-79aa-97f2502e193f belongs "
                    + "to domain 'test' already");
        }
        assertThat(xenctl("domid", "u").exit()).isEqualTo(3);
    }

    @Test
    void a_name_no_domain_can_have_is_refused_before_libvirt_is_asked() {
        xenctl("destroy", "test");
        for (String name : new String[] {"", "web 2", "a/b", "tab\there", "esc\u001b[2J", "csi\u009b2J"}) {
            Result r = xenctl("rename", "test", name, "-o", "json");
            assertThat(r.exit()).as("'%s': %s", name, r).isEqualTo(2);
            assertThat(r.errorJson().get("error").get("message").asText()).startsWith("cannot rename test to '"
                    + name + "': a domain name cannot");
        }
        assertThat(xenctl("domname", "6695eb01-f6a4-8304-79aa-97f2502e193f").out()).isEqualTo("test\n");
    }

    @Test
    void autostart_is_idempotent_and_can_be_disabled() {
        assertThat(xenctl("autostart", "test", "-o", "json").json().get("changed").asBoolean()).isTrue();
        assertThat(xenctl("info", "test", "-o", "json").json().get("autostart").asBoolean()).isTrue();
        assertThat(xenctl("autostart", "test", "-o", "json").json().get("changed").asBoolean()).isFalse();
        assertThat(xenctl("autostart", "--disable", "test", "-o", "json").json().get("changed").asBoolean())
                .isTrue();
        assertThat(xenctl("info", "test", "-o", "json").json().get("autostart").asBoolean()).isFalse();
    }

    @Test
    void undefine_leaves_a_running_domain_running_as_a_transient_one() {
        Result r = xenctl("undefine", "test", "-o", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().get("state").asText()).isEqualTo("running");
        assertThat(xenctl("info", "test", "-o", "json").json().get("persistent").asBoolean()).isFalse();
        assertThat(xenctl("undefine", "test", "-o", "json").json().get("changed").asBoolean()).isFalse();
        xenctl("destroy", "test");
        assertThat(xenctl("info", "test").exit()).isEqualTo(3);
    }
}
