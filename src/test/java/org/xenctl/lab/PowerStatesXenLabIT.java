package org.xenctl.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A PV guest's own S3 from the host over xen+tcp: suspend --wait until libvirt says pmsuspended (xl agrees the
 * domain is suspended), a second suspend changes nothing, resume --wait until it runs, and the guest's kernel still
 * answers afterwards (a vCPU added is reported online). A guest asleep or paused is not asked to shut down or
 * reboot (libxl fails it after 60 s): refused, named alone or in --all, or with --force destroyed unasked.
 */
@ExtendWith(XenLabExtension.class)
class PowerStatesXenLabIT {
    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final Duration CHANGE = Duration.ofSeconds(90);

    @Test
    void suspend_to_ram_and_wake_up(XenLab lab) throws Exception {
        String name = "s3-guest";
        lab.share(name + ".cfg", Guests.xlCfg(name, "maxvcpus = 2"));
        lab.dom0("rm -f " + Guests.consoleLog(name)).expectSuccess();
        try {
            lab.xenctl("create", lab.hostPath(name + ".cfg").toString()).expectSuccess();
            lab.xenctl("console", name, "--expect", Guests.BANNER, "--timeout", String.valueOf(BOOT.toSeconds()))
                    .expectSuccess();

            Run suspended = lab.xenctl("-o", "json", "suspend", "--wait", "--timeout", "60", name);

            JsonNode result = Json.of(suspended);
            assertThat(result.get("state").asText()).as(suspended.describe()).isEqualTo("pmsuspended");
            assertThat(result.get("changed").asBoolean()).isTrue();
            assertThat(lab.dom0("xl list " + name + " | tail -1").expectSuccess().out()).contains("s-");
            assertThat(Json.of(lab.xenctl("-o", "json", "suspend", name)).get("changed").asBoolean()).isFalse();
            // libxl failed this ("Failed to shutdown domain with libxenlight", exit 1): now said before it is sent
            Run asleep = lab.xenctl("shutdown", name);
            assertThat(asleep.exit()).as(asleep.describe()).isEqualTo(4);
            assertThat(asleep.err()).contains("it is suspended to RAM (S3), and no kernel runs in it to take the "
                    + "request");
            assertThat(lab.dom0("xl list " + name + " | tail -1").expectSuccess().out()).contains("s-");

            Run resumed = lab.xenctl("-o", "json", "resume", "--wait", "--timeout", "60", name);

            assertThat(Json.of(resumed).get("state").asText()).as(resumed.describe()).isIn("running", "blocked");
            assertThat(Json.of(lab.xenctl("-o", "json", "resume", name)).get("changed").asBoolean()).isFalse();
            lab.xenctl("pause", name).expectSuccess();
            Run paused = lab.xenctl("reboot", name);
            assertThat(paused.exit()).as(paused.describe()).isEqualTo(4);
            assertThat(paused.err()).contains("it is paused, and no kernel runs in it to take the request");
            // libxl failed it after 60 s, and the domains after it were never asked: now refused before any is
            Run all = lab.xenctl("shutdown", "--all", "--wait", "--timeout", "30");
            assertThat(all.exit()).as(all.describe()).isEqualTo(4);
            assertThat(all.err()).contains("cannot shut down " + name + ": it is paused");
            assertThat(lab.dom0("xl list " + name + " | tail -1").expectSuccess().out()).contains("--p");
            lab.xenctl("unpause", name).expectSuccess();
            lab.xenctl("vcpu-set", name, "2").expectSuccess();
            Run console = lab.await("cat " + Guests.consoleLog(name),
                    run -> run.out().contains("xenctl-lab-guest: cpus-online 0-1"), CHANGE);
            assertThat(console.out()).as("the guest's kernel answers after the wake-up")
                    .contains("xenctl-lab-guest: cpus-online 0-1");
            Run acpi = lab.xenctl("shutdown", "--acpi", name);
            assertThat(acpi.exit()).as("a PV guest has no ACPI power button: " + acpi.describe()).isEqualTo(1);
            assertThat(acpi.err()).contains("no ACPI power button to press in " + name + " (pv)");
            assertThat(lab.dom0("xl list " + name).exit()).as("nothing was sent").isZero();
            lab.xenctl("pause", name).expectSuccess();
            Run forced = lab.xenctl("-o", "json", "shutdown", name, "--force", "--timeout", "5");
            JsonNode outcome = Json.of(forced);
            assertThat(outcome.get("forced").asBoolean()).as(forced.describe()).isTrue();
            assertThat(outcome.get("message").asText()).isEqualTo("Domain " + name + " was paused, so no kernel ran "
                    + "in it to take the request: destroyed after 5 s.");
            assertThat(lab.dom0("xl list " + name).exit()).as("destroyed").isNotZero();
        } finally {
            lab.dom0(Guests.destroy(name));
        }
    }
}
