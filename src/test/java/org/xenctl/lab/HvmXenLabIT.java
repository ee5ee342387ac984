package org.xenctl.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An HVM guest from an xl.cfg file (hvmloader, SeaBIOS, qemu-system-xen as its device model, the lab's kernel booted
 * directly): its serial console through libvirt shows it boot; cd-eject empties its emulated IDE CD-ROM drive and
 * cd-insert puts other media in, as its device model says (each a second time changes nothing); and the ACPI power
 * button (shutdown --acpi) makes the guest's OS power itself off. Its firmware hangs in about two boots of five under
 * the emulation: up to six boots are tried (docs/testing.md).
 *
 * <p>Under the lab's emulation an HVM guest boots only with Xen's "one_missed_tick_pending" timer mode (with the
 * default, the firmware never gets past the kernel's real-mode entry: docs/testing.md). libvirt cannot carry
 * timer_mode, so the scenario creates the guest paused and sets that one HVM parameter from the dom0 before it
 * runs: a property of the emulation, like the lab's CPU flags, not of the path xenctl takes.
 *
 * <p>Alone on the machine: with the other test JVM's dom0 busy beside it, the guest's kernel ran at half its speed and
 * then stopped at its clocksource watchdog for six minutes (run of 2026-12-06 22:43), where alone it boots in ~2
 * minutes.
 */
@ExtendWith(XenLabExtension.class)
@MachineTurns.Alone
class HvmXenLabIT {
    private static final Duration BOOT = Duration.ofSeconds(420);
    /**
     * From the unpause to SeaBIOS's "Booting from ROM" (its hand-over to the option ROM that loads the kernel) in
     * Xen's console: 7 to 10 s in each of the 14 boots that got there on 2026-12-07. A firmware that hung never
     * gets there.
     */
    private static final Duration FIRMWARE = Duration.ofSeconds(45);
    /** How long the kernel's first line may take to reach the serial console after the unpause: 44 s by hand. */
    private static final Duration KERNEL_STARTED = Duration.ofSeconds(150);
    /**
     * Boots tried before the scenario fails: the emulated firmware hung in 9 of 23 boots on 2026-12-07 (each seen
     * within {@link #FIRMWARE}), so six tries all hang about once in 300 runs.
     */
    private static final int TRIES = 6;
    private static final String KERNEL = "Linux version";
    private static final Duration CHANGE = Duration.ofSeconds(120);
    private static final String FIRST = "/var/lib/xen/lab-cd-1.iso";
    private static final String SECOND = "/var/lib/xen/lab-cd-2.iso";

    @Test
    void an_hvm_guest_boots_changes_cd_media_and_powers_off_on_its_acpi_button(XenLab lab) throws Exception {
        String name = "hvm-guest";
        // The drive starts with media: created empty (xl's ',raw,hdc,cdrom'), Debian's qemu-xen fails to set up
        // its backend ("Could not stat file ''", with xl alike) and the guest did not come up in 300 s.
        lab.dom0(media(FIRST, "hello-cd-media") + " && " + media(SECOND, "second-cd-media")).expectSuccess();
        lab.share(name + ".cfg", Guests.hvmCfg(name, "disk = [ '" + FIRST + ",raw,hdc,cdrom' ]"));
        try {
            boot(lab, name);
            assertThat(Json.of(lab.xenctl("-o", "json", "info", name)).get("guest_type").asText()).isEqualTo("hvm");
            String booted = lab.dom0("xl domid " + name).expectSuccess().out().trim();
            try {
                changeMedia(lab, name);
            } catch (AssertionError | Exception e) {
                if (!restartedSince(lab, name, booted)) {
                    throw e;
                }
                // The emulation's fault (docs/testing.md): the guest's kernel triple-faulted and libvirt restarted
                // it under the media changes (CI run of 2026-12-07 18:57). Booted again, and the changes redone.
                System.out.println("HvmXenLabIT: the guest restarted under the media changes (the emulation's "
                        + "fault); booted again, and once more. The first try: " + e.getMessage());
                destroyForGood(lab, name);
                boot(lab, name);
                changeMedia(lab, name);
            }

            // The power button, and nothing else: the guest's acpid hears it and powers off.
            Run[] pressed = pressPowerButton(lab, name);
            if (pressed[0].exit() != 0 && lab.dom0("cat " + Guests.consoleLog(name)).out().contains("Kernel panic")) {
                // The emulation's fault seen with PVH guests (docs/testing.md): the guest's kernel panicked and
                // rebooted, which xenctl reports (started again instead of shutting down). Once more, printed.
                System.out.println("HvmXenLabIT: the guest's kernel panicked under the emulation; once more. The "
                        + "first try: " + pressed[0].describe());
                destroyForGood(lab, name);
                boot(lab, name);
                pressed = pressPowerButton(lab, name);
            }
            Run off = pressed[0];
            JsonNode down = Json.of(off);
            assertThat(down.get("state").asText()).as(off.describe()).isEqualTo("shutoff");
            assertThat(down.get("forced").asBoolean()).isFalse();
            Run heard = pressed[1];
            assertThat(heard.exit()).as("the guest's OS heard the button: " + heard.describe()).isZero();
            assertThat(lab.dom0("xl list " + name).exit()).as("released by Xen").isNotZero();
        } finally {
            lab.dom0(Guests.destroy(name) + "; rm -f " + FIRST + " " + SECOND);
        }
    }

    /**
     * Ejects the drive's media and inserts the second image, each a second time as well (nothing to change then),
     * checked in the guest's device model.
     */
    private static void changeMedia(XenLab lab, String name) throws Exception {
        assertThat(mediaInTheDeviceModel(lab, name)).isEqualTo(FIRST);

        assertThat(Json.of(lab.xenctl("-o", "json", "cd-eject", name, "hdc")).get("changed").asBoolean())
                .isTrue();
        assertThat(mediaInTheDeviceModel(lab, name)).as("the tray empty").isEmpty();
        assertThat(lab.xenctl("block-list", name).expectSuccess().out()).doesNotContain(FIRST);
        assertThat(Json.of(lab.xenctl("-o", "json", "cd-eject", name, "hdc")).get("changed").asBoolean())
                .as("empty already").isFalse();
        assertThat(Json.of(lab.xenctl("-o", "json", "cd-insert", name, "hdc", SECOND)).get("changed")
                .asBoolean()).isTrue();
        // libxl hands qemu the new media as a file descriptor (/dev/fdset/N): the file is the one qemu has open.
        assertThat(mediaInTheDeviceModel(lab, name)).as("a medium in the drive").isNotEmpty();
        assertThat(lab.dom0("ls -l /proc/$(pgrep -f 'xen-domid '$(xl domid " + name + ")' ')/fd").expectSuccess()
                .out()).contains(SECOND);
        assertThat(Json.of(lab.xenctl("-o", "json", "cd-insert", name, "hdc", SECOND)).get("changed")
                .asBoolean()).as("the same media again").isFalse();
        assertThat(lab.xenctl("block-list", name).expectSuccess().out()).contains(SECOND);
    }

    /**
     * Whether the guest is no longer the domain that booted: libvirt restarts a guest that reboots (on_reboot) under a
     * new domain id, and shows it shut off, or Xen has none of that name, meanwhile.
     */
    private static boolean restartedSince(XenLab lab, String name, String booted) {
        Run now = lab.dom0("xl domid " + name);
        return now.exit() != 0 || !now.out().trim().equals(booted);
    }

    /** Presses the power button with shutdown --acpi --wait: that run, and the guest's console waiting to hear it. */
    private static Run[] pressPowerButton(XenLab lab, String name) throws Exception {
        Background button = lab.xenctlInBackground("console", name, "--expect", "xenctl-lab-guest: power button",
                "--timeout", String.valueOf(CHANGE.toSeconds()));
        Thread.sleep(5000);
        Run off = lab.xenctl("-o", "json", "shutdown", "--acpi", "--wait", "--timeout",
                String.valueOf(CHANGE.toSeconds()), name);
        return new Run[] {off, button.finish(Duration.ofSeconds(CHANGE.toSeconds() + 30))};
    }

    /**
     * Creates the guest and waits for its banner on the serial console through libvirt. Under the emulation the guest's
     * firmware often hangs before it loads the kernel (its vCPU then sits on SeaBIOS's default interrupt handler for
     * good: docs/testing.md), at a different place in each such boot; the next boot of the same file goes through. A
     * boot that does not come up is printed and tried again, {@link #TRIES} boots at most. Everything xenctl does
     * here succeeds either way; a guest that never boots fails the scenario.
     */
    private static void boot(XenLab lab, String name) throws Exception {
        for (int attempt = 1; ; attempt++) {
            String failed = tryBoot(lab, name);
            if (failed == null) {
                return;
            }
            assertThat(attempt).as("the HVM guest did not boot in " + TRIES + " tries; the last: " + failed)
                    .isLessThan(TRIES);
            System.out.println("HvmXenLabIT: the HVM guest did not boot (try " + attempt + " of " + TRIES
                    + "); once more. " + failed);
            destroyForGood(lab, name);
        }
    }

    /**
     * Destroys the guest and waits until Xen has no domain of that name for 5 s together. A first try can end in the
     * guest rebooting (its console closed before the banner: the emulation's fault): libvirt then restarts it, and a
     * destroy that comes between the old domain's end and the new one's start finds nothing running (CI run of
     * 2026-12-06 17:17: the create that followed found the restarted guest).
     */
    private static void destroyForGood(XenLab lab, String name) throws Exception {
        lab.xenctl("destroy", name).expectSuccess();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int quiet = 0;
        while (quiet < 5) {
            assertThat(System.nanoTime()).as("the guest is still restarting after 90 s").isLessThan(deadline);
            Thread.sleep(1000);
            if (lab.dom0("xl domid " + name).exit() == 0) {
                System.out.println("HvmXenLabIT: the guest was restarted under the destroy; destroyed again");
                lab.xenctl("destroy", name).expectSuccess();
                quiet = 0;
            } else {
                quiet++;
            }
        }
    }

    /**
     * One boot, watched in three steps: the firmware's hand-over in Xen's console (the guest's firmware writes there),
     * then on the guest's serial console through xenctl the kernel's first line, and the banner (~150 s later, long
     * after the second console is open). Null when the banner came, else what did not come.
     */
    private static String tryBoot(XenLab lab, String name) throws Exception {
        lab.xenctl("create", "--paused", lab.hostPath(name + ".cfg").toString()).expectSuccess();
        String id = lab.dom0("xl domid " + name).expectSuccess().out().trim();
        oneMissedTickPending(lab, id);
        // In the background: a boot takes longer than lab.xenctl waits for one command.
        Background kernel = lab.xenctlInBackground("-o", "json", "console", name, "--expect", KERNEL,
                "--timeout", String.valueOf(KERNEL_STARTED.toSeconds()));
        Thread.sleep(3000);
        lab.xenctl("unpause", name).expectSuccess();
        // By the clock: one xl dmesg takes ~2 s in the emulated dom0.
        Run firmware = lab.dom0("end=$(($(date +%s) + " + FIRMWARE.toSeconds() + ")); while [ $(date +%s) -lt $end ];"
                + " do xl dmesg | grep -q '(d" + id + ") Booting from' && exit 0; sleep 1; done;"
                + " xl dmesg | grep '(d" + id + ")' | tail -3; exit 1");
        if (firmware.exit() != 0) {
            kernel.stop();
            return "Its firmware did not hand over within " + FIRMWARE.toSeconds() + " s; its last words:\n"
                    + firmware.out();
        }
        Run started = kernel.finish(KERNEL_STARTED.plusSeconds(30));
        if (started.exit() != 0) {
            return "Its kernel did not start: " + started.describe();
        }
        Run banner = lab.xenctlInBackground("-o", "json", "console", name, "--expect", Guests.BANNER, "--timeout",
                String.valueOf(BOOT.toSeconds())).finish(BOOT.plusSeconds(30));
        return banner.exit() == 0 && Json.of(banner).get("ended").asText().equals("matched") ? null
                : "Its banner did not come: " + banner.describe();
    }

    /**
     * The file in the guest's emulated CD-ROM drive as its device model (qemu-xen) says, asked on its QMP socket;
     * "" when the drive is empty. (qemu also keeps the block node of ejected media, not attached to any device.)
     */
    private static String mediaInTheDeviceModel(XenLab lab, String name) throws Exception {
        String answers = lab.dom0("printf '%s\\n%s\\n' '{\"execute\":\"qmp_capabilities\"}' "
                + "'{\"execute\":\"query-block\"}' | socat -t2 - UNIX-CONNECT:/var/run/xen/qmp-libxl-$(xl domid "
                + name + ")").expectSuccess().out();
        String blocks = answers.lines().filter(line -> line.contains("\"device\"")).findFirst().orElseThrow(
                () -> new AssertionError("no query-block answer: " + answers));
        for (JsonNode block : new ObjectMapper().readTree(blocks).get("return")) {
            if (block.path("device").asText().startsWith("ide-")) {
                return block.path("inserted").path("file").asText("");
            }
        }
        throw new AssertionError("no IDE drive in " + blocks);
    }

    /** A 1 MiB image whose first bytes are {@code text} (what the guest's init reports of a drive). */
    private static String media(String path, String text) {
        return "{ printf " + text + "; head -c 1048576 /dev/zero; } | head -c 1048576 > " + path;
    }

    /** HVM_PARAM_TIMER_MODE (10) = HVMPTM_one_missed_tick_pending (3), through Xen's own Python binding. */
    private static void oneMissedTickPending(XenLab lab, String id) {
        Run set = lab.dom0("PYTHONPATH=/usr/lib/xen-4.17/lib/python python3 -c "
                + "\"import xen.lowlevel.xc as x; c = x.xc(); c.hvm_set_param(" + id + ", 10, 3); "
                + "print(c.hvm_get_param(" + id + ", 10))\"");
        assertThat(set.out().trim()).as(set.describe()).isEqualTo("3");
    }
}
