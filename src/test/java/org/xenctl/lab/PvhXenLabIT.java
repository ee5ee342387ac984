package org.xenctl.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PVH guests on the real dom0 (the lab's CPU has SVM and nested paging: docs/testing.md), from the host over
 * xen+tcp: one created from an xl.cfg file whose tsc_mode reaches libvirt, through pause and its events, its
 * memory ballooned down, save and restore, shutdown (which the restored guest answers), and created again at
 * once; one defined from libvirt XML, through start, its console (--expect), reboot --wait, suspend to RAM
 * and back, wait, destroy and its export back to xl.cfg; and PCI passthrough, which libxl refuses for PVH guests
 * (create, start and pci-attach say why). Each outcome checked through xl in the dom0 as well.
 */
@ExtendWith(XenLabExtension.class)
class PvhXenLabIT {
    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final Duration CHANGE = Duration.ofSeconds(90);

    @Test
    void a_pvh_guest_from_an_xl_cfg_file_boots_changes_is_saved_and_restored_and_shuts_down(XenLab lab)
            throws Exception {
        againAfterTheEmulatorsGuestPanic(lab, "pvh-cfg", () -> fromAnXlCfgFile(lab));
    }

    private void fromAnXlCfgFile(XenLab lab) throws Exception {
        String name = "pvh-cfg";
        String file = "/var/lib/xen/" + name + ".sav";
        lab.share(name + ".cfg", Guests.pvhCfg(name));
        lab.dom0("rm -f " + file + " " + Guests.consoleLog(name)).expectSuccess();
        try {
            lab.xenctl("create", lab.hostPath(name + ".cfg").toString()).expectSuccess();

            JsonNode info = Json.of(lab.xenctl("-o", "json", "info", name));
            assertThat(info.get("guest_type").asText()).isEqualTo("pvh");
            assertThat(lab.dom0("xl list -l " + name).expectSuccess().out()).contains("\"type\": \"pvh\"")
                    .contains("\"tsc_mode\": \"native\"");
            awaitConsole(lab, name, Guests.BANNER, BOOT);

            Background events = lab.xenctlInBackground("-o", "json", "events", name, "--count", "2", "--timeout",
                    "60");
            Thread.sleep(3000);  // listening before the first change: events are not replayed
            lab.xenctl("pause", name).expectSuccess();
            assertThat(lab.dom0("xl list " + name + " | tail -1").expectSuccess().out()).contains("--p--");
            lab.xenctl("unpause", name).expectSuccess();
            Run seen = events.finish(Duration.ofSeconds(90));
            assertThat(seen.exit()).as(seen.describe()).isZero();
            assertThat(seen.out()).contains("\"event\":\"paused\"").contains("\"event\":\"resumed\"");

            // No device or vCPU hot-plug on PVH: under the lab's emulated SVM, a PVH guest died or went silent at
            // a hot-plug (vif, disk, vCPU) in six of the seven failures seen (docs/testing.md); the PV scenarios
            // prove those verbs.
            lab.xenctl("mem-set", name, "96").expectSuccess();
            Run ballooned = lab.await("xl list " + name + " | tail -1",
                    run -> run.out().trim().split("\\s+").length > 2 && run.out().trim().split("\\s+")[2].equals("96"),
                    CHANGE);
            assertThat(ballooned.out()).as("xl sees the balloon target").contains(" 96 ");

            lab.xenctl("save", name, file).expectSuccess();
            assertThat(lab.dom0("xl list " + name).exit()).as("gone from Xen once saved").isNotZero();
            JsonNode restored = Json.of(lab.xenctl("-o", "json", "restore", file));
            assertThat(restored.get("state").asText()).isIn("running", "blocked");
            assertThat(Json.of(lab.xenctl("-o", "json", "info", name)).get("guest_type").asText()).isEqualTo("pvh");
            // A PVH guest has no ACPI power button: refused before libvirt is asked (virsh's and xl's trigger exit 0
            // and the guest runs on, seen by hand).
            Run acpi = lab.xenctl("shutdown", "--acpi", name);
            assertThat(acpi.exit()).as(acpi.describe()).isEqualTo(1);
            assertThat(acpi.err()).contains("no ACPI power button to press in " + name + " (pvh)");
            JsonNode down = Json.of(lab.xenctl("-o", "json", "shutdown", "--wait", "--timeout", "120", name));
            assertThat(down.get("forced").asBoolean()).isFalse();
            assertThat(lab.dom0("xl list " + name).exit()).as("released by Xen once --wait returns").isNotZero();
            String console = lab.dom0("cat " + Guests.consoleLog(name)).out();
            assertThat(console).as("the restored guest answers the shutdown request").contains(
                    "xenctl-lab-guest: going down");
            assertThat(console.split(Guests.BANNER, -1)).as("restored, not booted again").hasSize(2);
            // The name is free at once (libvirt reports a transient guest shut off before it has let it go).
            lab.xenctl("create", lab.hostPath(name + ".cfg").toString()).expectSuccess();
            lab.xenctl("destroy", name).expectSuccess();
            lab.xenctl("create", lab.hostPath(name + ".cfg").toString()).expectSuccess();
            lab.xenctl("destroy", name).expectSuccess();
        } finally {
            lab.dom0(Guests.destroy(name) + "; rm -f " + file);
        }
    }

    @Test
    void a_pvh_guest_defined_from_xml_starts_reboots_stops_and_exports_as_pvh(XenLab lab) throws Exception {
        againAfterTheEmulatorsGuestPanic(lab, "pvh-xml", () -> definedFromXml(lab));
    }

    private void definedFromXml(XenLab lab) throws Exception {
        String name = "pvh-xml";
        lab.share(name + ".xml", Guests.pvhXml(name));
        lab.dom0("rm -f " + Guests.consoleLog(name)).expectSuccess();
        try {
            lab.xenctl("define", lab.hostPath(name + ".xml").toString()).expectSuccess();
            lab.xenctl("start", name).expectSuccess();
            lab.xenctl("wait", name, "--state", "running", "--timeout", "30").expectSuccess();
            // The guest's console through libvirt, as on PV: the banner seen by console --expect.
            Run banner = lab.xenctl("console", name, "--expect", Guests.BANNER, "--timeout",
                    String.valueOf(BOOT.toSeconds()));
            assertThat(banner.exit()).as(banner.describe()).isZero();
            int firstId = Json.of(lab.xenctl("-o", "json", "info", name)).get("id").asInt();

            Run rebooted = lab.xenctl("-o", "json", "reboot", "--wait", "--timeout", "120", name);

            assertThat(Json.of(rebooted).get("changed").asBoolean()).as(rebooted.describe()).isTrue();
            assertThat(Json.of(lab.xenctl("-o", "json", "info", name)).get("id").asInt())
                    .as("libxl restarts a rebooted guest as a new domain").isNotEqualTo(firstId);
            Run twice = lab.await("cat " + Guests.consoleLog(name),
                    run -> run.out().split(Guests.BANNER, -1).length > 2, BOOT);
            assertThat(twice.out().split(Guests.BANNER, -1)).as("booted again after the reboot").hasSizeGreaterThan(2);

            JsonNode suspended = Json.of(lab.xenctl("-o", "json", "suspend", "--wait", "--timeout", "60", name));
            assertThat(suspended.get("state").asText()).as("S3 on PVH as on PV").isEqualTo("pmsuspended");
            JsonNode resumed = Json.of(lab.xenctl("-o", "json", "resume", "--wait", "--timeout", "60", name));
            assertThat(resumed.get("state").asText()).isIn("running", "blocked");

            Run exported = lab.xenctl("config", "export", name);
            assertThat(exported.out()).as(exported.describe()).contains("type = \"pvh\"")
                    .contains("tsc_mode = \"native\"");

            lab.xenctl("destroy", name).expectSuccess();
            lab.xenctl("wait", name, "--state", "shutoff", "--timeout", "30").expectSuccess();
            assertThat(lab.dom0("xl list " + name).exit()).isNotZero();
            lab.xenctl("undefine", name).expectSuccess();
        } finally {
            lab.dom0(Guests.destroy(name) + "; virsh -c xen:///system undefine " + name
                    + " 2>/dev/null; true");
        }
    }

    @Test
    void pci_passthrough_to_a_pvh_guest_fails_with_libxls_reason(XenLab lab) throws Exception {
        String name = "pvh-pci";
        lab.share(name + ".cfg", Guests.pvhCfg(name, "pci = [ '01:00.0' ]"));
        lab.dom0("xl pci-assignable-add 01:00.0").expectSuccess();
        try {
            Run create = lab.xenctl("create", lab.hostPath(name + ".cfg").toString());

            assertThat(create.exit()).as(create.describe()).isEqualTo(1);
            assertThat(create.err()).contains("libxl passes no PCI device through to a PVH guest");
            assertThat(lab.dom0("xl list " + name).exit()).as("nothing left behind").isNotZero();

            lab.xenctl("define", lab.hostPath(name + ".cfg").toString()).expectSuccess();
            Run start = lab.xenctl("start", name);
            assertThat(start.exit()).as(start.describe()).isEqualTo(1);
            assertThat(start.err()).contains("libxl passes no PCI device through to a PVH guest");
            lab.xenctl("undefine", name).expectSuccess();

            lab.share("pvh-nopci.cfg", Guests.pvhCfg("pvh-nopci"));
            lab.xenctl("create", lab.hostPath("pvh-nopci.cfg").toString()).expectSuccess();
            Run attach = lab.xenctl("pci-attach", "pvh-nopci", "01:00.0");
            assertThat(attach.exit()).as(attach.describe()).isEqualTo(4);
            assertThat(attach.err()).contains("is a PVH guest, and libxl passes no PCI device through to one");
        } finally {
            lab.dom0(Guests.destroy(name) + "; " + Guests.destroy("pvh-nopci") + "; virsh -c xen:///system "
                    + "undefine " + name + " 2>/dev/null; xl pci-assignable-remove -r 01:00.0");
        }
    }

    /**
     * Runs a scenario, and again when it failed, at most three times in all: under the lab's emulated SVM a PVH
     * guest dies or goes silent now and then (QEMU's TCG delivers Xen's event-channel upcall where the CPU must not
     * take an interrupt; about one attempt in six failed so, and on 2026-12-06 a CI run failed both of two attempts,
     * docs/testing.md). A deterministic fault fails every attempt; every xenctl code path these scenarios take is
     * also proven, without a retry, on PV guests. Each failure but the last is printed.
     */
    private static void againAfterTheEmulatorsGuestPanic(XenLab lab, String name, Scenario scenario)
            throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                scenario.run();
                return;
            } catch (AssertionError failure) {
                if (attempt == ATTEMPTS) {
                    throw failure;
                }
                String console = lab.dom0("cat " + Guests.consoleLog(name) + " 2>/dev/null").out();
                System.err.println("PvhXenLabIT: " + name + " failed (attempt " + attempt + " of " + ATTEMPTS + ")"
                        + (console.contains("Kernel panic") ? " (its kernel panicked)" : "") + "; running the "
                        + "scenario again. It had failed with: " + failure.getMessage().lines()
                        .filter(line -> !line.isBlank()).findFirst().orElse(""));
            }
        }
    }

    /** A PVH scenario's attempts (see {@link #againAfterTheEmulatorsGuestPanic}). */
    private static final int ATTEMPTS = 3;

    @FunctionalInterface
    private interface Scenario {
        void run() throws Exception;
    }

    private static String awaitConsole(XenLab lab, String name, String text, Duration limit) throws Exception {
        Run console = lab.await("cat " + Guests.consoleLog(name), run -> run.out().contains(text), limit);
        assertThat(console.out()).as("the guest's console, " + Guests.consoleLog(name)).contains(text);
        return console.out();
    }
}
