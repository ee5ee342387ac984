package org.xenctl.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A PV guest's console from the host over xen+tcp, through libvirt: --expect waits for its boot banner, --log -o json
 * carries what it prints while it runs, and an interactive session on a pseudo-terminal types a command to the
 * shell on the guest's console (the lab's guest image runs one on hvc0), reads the answer, and leaves with Ctrl-];
 * across a reboot, --expect alone ends with the old console and --follow reads the next boot's banner. On the dom0
 * itself, --since-boot reads the same from xenconsoled's log (the lab's runs with --timestamp=guest): the last boot
 * only, ended by the next one's marker, or followed into it.
 */
@ExtendWith(XenLabExtension.class)
class ConsoleXenLabIT {
    private static final Duration BOOT = Duration.ofSeconds(120);

    @Test
    void expect_log_and_an_interactive_session(XenLab lab) throws Exception {
        String name = "console-guest";
        lab.share(name + ".cfg", Guests.xlCfg(name, "maxvcpus = 2"));
        try {
            lab.xenctl("create", lab.hostPath(name + ".cfg").toString()).expectSuccess();

            Run booted = lab.xenctl("-o", "json", "console", name, "--expect", Guests.BANNER, "--timeout",
                    String.valueOf(BOOT.toSeconds()));

            JsonNode matched = Json.of(booted);
            assertThat(matched.get("ended").asText()).as(booted.describe()).isEqualTo("matched");
            Run late = lab.xenctl("console", name, "--expect", "never-printed", "--timeout", "2");
            assertThat(late.exit()).isEqualTo(4);
            assertThat(late.err()).contains("'never-printed' did not appear on the console of domain " + name);

            Background log = lab.xenctlInBackground("-o", "json", "console", name, "--log", "--timeout", "15");
            Thread.sleep(3000);
            lab.xenctl("vcpu-set", name, "2").expectSuccess();
            Run logged = log.finish(Duration.ofSeconds(60));
            assertThat(logged.exit()).as(logged.describe()).isZero();
            assertThat(logged.out()).contains("{\"domain\":\"" + name + "\",\"line\":\"xenctl-lab-guest: "
                    + "cpus-online 0-1\"}");
            assertThat(logged.out().lines().reduce((a, b) -> b).orElseThrow()).contains("\"ended\":\"timeout\"");

            // One session at a time: a second one is refused; --force takes the console over, and the first
            // session ends saying so (exit 4), not as a lost connection.
            Background first = lab.xenctlInBackground("console", name, "--log", "--timeout", "60");
            Thread.sleep(5000);
            Run refused = lab.xenctl("console", name, "--log", "--timeout", "2");
            assertThat(refused.exit()).as(refused.describe()).isEqualTo(4);
            assertThat(refused.err()).contains("another session has the console of domain " + name);
            lab.xenctl("console", name, "--force", "--log", "--timeout", "2").expectSuccess();
            Run taken = first.finish(Duration.ofSeconds(30));
            assertThat(taken.exit()).as(taken.describe()).isEqualTo(4);
            assertThat(taken.err()).contains("another session took over the console of domain " + name);

            Process terminal = lab.xenctlOnTerminal("console", name);
            Screen screen = new Screen(terminal.getInputStream());
            OutputStream keys = terminal.getOutputStream();
            assertThat(screen.await("Escape character is ^]", Duration.ofSeconds(30))).as(screen.text()).isTrue();
            type(keys, "\r");
            type(keys, "echo ans-$((6*7))\r");
            assertThat(screen.await("ans-42", Duration.ofSeconds(30))).as(screen.text()).isTrue();
            type(keys, "\u001d");
            assertThat(terminal.waitFor(20, TimeUnit.SECONDS)).as("Ctrl-] leaves: " + screen.text()).isTrue();
            assertThat(terminal.exitValue()).as(screen.text()).isZero();

            // A reboot gives the guest a new domain and a new console: --expect alone ends with it (the control),
            // --follow goes on to the next boot's banner. Meanwhile, on the dom0 itself, --since-boot reads the
            // boot from xenconsoled's log: without --follow it ends at the next boot's marker, with it goes on.
            Background alone = lab.xenctlInBackground("console", name, "--expect", Guests.BANNER, "--timeout", "120");
            Background bootLog = lab.xenctlInDom0InBackground("/tmp/boot.json", "-o", "json", "console", name,
                    "--log", "--since-boot", "--timeout", "150");
            // it has read the boot so far (a JVM starting in the emulated dom0 slows its libvirtd meanwhile)
            lab.await("cat /tmp/boot.json", run -> run.out().contains(Guests.BANNER), BOOT);
            lab.xenctl("reboot", "--wait", "--timeout", "120", name).expectSuccess();
            Run ended = alone.finish(Duration.ofSeconds(150));
            assertThat(ended.exit()).as(ended.describe()).isEqualTo(4);
            assertThat(ended.err()).contains("closed before");
            Run boot = lab.finished(bootLog, "/tmp/boot.json", Duration.ofSeconds(180));
            assertThat(boot.exit()).as(boot.describe()).isZero();
            assertThat(boot.out().lines().reduce((a, b) -> b).orElseThrow()).contains("\"ended\":\"closed\"");
            assertThat(banners(boot)).as(boot.describe()).isEqualTo(1);
            assertThat(boot.out()).contains("Linux version").doesNotContain("Logfile Opened")
                    .doesNotContainPattern("\\[20[0-9][0-9]-[0-9][0-9]-[0-9][0-9] ");

            lab.xenctl("console", name, "--expect", Guests.BANNER, "--timeout", "120").expectSuccess();
            Background followed = lab.xenctlInBackground("-o", "json", "console", name, "--expect", Guests.BANNER,
                    "--follow", "--timeout", "120");
            Background bootLogs = lab.xenctlInDom0InBackground("/tmp/boots.json", "-o", "json", "console", name,
                    "--log", "--since-boot", "--follow", "--timeout", "90");
            lab.await("cat /tmp/boots.json", run -> run.out().contains(Guests.BANNER), BOOT);
            lab.xenctl("reboot", "--wait", "--timeout", "120", name).expectSuccess();
            Run across = followed.finish(Duration.ofSeconds(150));
            assertThat(across.exit()).as(across.describe()).isZero();
            assertThat(Json.of(across).get("ended").asText()).isEqualTo("matched");
            Run boots = lab.finished(bootLogs, "/tmp/boots.json", Duration.ofSeconds(150));
            assertThat(boots.exit()).as(boots.describe()).isZero();
            assertThat(banners(boots)).as(boots.describe()).isEqualTo(2);
            assertThat(boots.out()).doesNotContain("Logfile Opened");

            // three boots are in the log by now: only the last one is read, and the network cannot reach it
            Run history = lab.xenctlInDom0("-o", "json", "console", name, "--log", "--since-boot", "--timeout", "3");
            assertThat(history.exit()).as(history.describe()).isZero();
            assertThat(banners(history)).as(history.describe()).isEqualTo(1);
            Run seen = lab.xenctlInDom0("console", name, "--since-boot", "--expect", Guests.BANNER, "--timeout", "10");
            assertThat(seen.exit()).as(seen.describe()).isZero();
            Run remote = lab.xenctl("console", name, "--log", "--since-boot", "--timeout", "3");
            assertThat(remote.exit()).as(remote.describe()).isEqualTo(1);
            assertThat(remote.err()).contains("--since-boot reads xenconsoled's log in the dom0");

            lab.xenctl("destroy", name).expectSuccess();
        } finally {
            lab.dom0(Guests.destroy(name));
        }
    }

    private static long banners(Run run) {
        return run.out().lines().filter(line -> line.contains("\"line\":\"" + Guests.BANNER)).count();
    }

    private static void type(OutputStream keys, String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** What the pseudo-terminal showed so far, read on a thread of its own. */
    private static final class Screen {
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

        Screen(InputStream output) {
            Thread reader = new Thread(() -> {
                byte[] chunk = new byte[4096];
                try {
                    for (int read = output.read(chunk); read >= 0; read = output.read(chunk)) {
                        synchronized (seen) {
                            seen.write(chunk, 0, read);
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            }, "screen");
            reader.setDaemon(true);
            reader.start();
        }

        String text() {
            synchronized (seen) {
                return seen.toString(StandardCharsets.UTF_8);
            }
        }

        boolean await(String wanted, Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!text().contains(wanted) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            return text().contains(wanted);
        }
    }
}
