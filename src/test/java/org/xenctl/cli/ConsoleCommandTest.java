package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.TestDriver;

/**
 * console's refusals on libvirt's test driver, which has no consoles to open (virDomainOpenConsole is not
 * supported there): every refusal comes before libvirt is asked, and the driver's own answer is a clear one. The
 * console itself, interactive and not, is proven on Xen (ConsoleXenLabIT). --since-boot reads xenconsoled's log in
 * the dom0: here a dom0-shaped tree ($XENCTL_HOST_ROOT) with its process in /proc and its log, around the test
 * driver's domains (GuestConsoleLogTest reads the log as it grows; ConsoleXenLabIT on a real dom0).
 */
class ConsoleCommandTest {
    private static final String T = "[2026-12-05 10:00:00] ";

    @TempDir
    Path root;

    private static Result demo(String... args) {
        return Cli.onDemoHost(args);
    }

    @Test
    void what_cannot_work_is_refused_in_xenctls_words() {
        Result notRunning = demo("console", "build", "--log");
        Result otherConsole = demo("console", "web", "--num", "1");
        Result otherType = demo("console", "web", "--type", "serial");
        Result badType = demo("console", "web", "--type", "vga");
        Result timeoutAlone = demo("console", "web", "--timeout", "5");
        Result followAlone = demo("console", "web", "--follow");
        Result badEscape = demo("console", "web", "--escape", "^1");
        Result noTerminal = demo("console", "web");

        assertThat(notRunning.exit()).isEqualTo(4);
        assertThat(notRunning.err()).startsWith("xenctl: error: domain build is not running (shutoff): it has no "
                + "console\n");
        assertThat(otherConsole.exit()).isEqualTo(1);
        assertThat(otherConsole.err()).contains("libvirt's libxl driver opens a domain's first console only");
        assertThat(otherType.exit()).as(otherType.toString()).isEqualTo(1);
        assertThat(otherType.err()).contains("domain web's serial console cannot be opened")
                .contains("its pv one");
        assertThat(badType.exit()).isEqualTo(2);
        assertThat(timeoutAlone.exit()).isEqualTo(2);
        assertThat(timeoutAlone.err()).contains("--timeout goes with --log or --expect");
        assertThat(followAlone.exit()).isEqualTo(2);
        assertThat(followAlone.err()).contains("--follow goes with --log or --expect");
        assertThat(badEscape.exit()).isEqualTo(2);
        assertThat(noTerminal.exit()).isEqualTo(2);
        assertThat(noTerminal.err()).isEqualTo("xenctl: error: an interactive console needs a terminal\n"
                + "xenctl: hint: --log copies what the guest prints, --expect TEXT waits for a text\n");
    }

    @Test
    void a_driver_without_consoles_says_so() {
        Result log = demo("-o", "json", "console", "web", "--log", "--timeout", "1");

        assertThat(log.exit()).as(log.toString()).isEqualTo(1);
        assertThat(log.errorJson().get("error").get("code").asText()).isEqualTo("unsupported");
        assertThat(log.errorJson().get("error").get("message").asText())
                .startsWith("cannot open the console of domain web");
    }

    private Result sinceBoot(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-c";
        all[1] = TestDriver.demoHost();
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.runWith(Map.of("XENCTL_HOST_ROOT", root.toString()), all);
    }

    private void xenconsoled(String... arguments) throws IOException {
        Path process = Files.createDirectories(root.resolve("proc/377"));
        Files.writeString(process.resolve("comm"), "xenconsoled\n");
        Files.writeString(process.resolve("cmdline"), "/usr/sbin/xenconsoled\0" + String.join("\0", arguments)
                + "\0");
    }

    @Test
    void since_boot_reads_the_domains_log_from_its_last_boot() throws IOException {
        xenconsoled("-i", "--log=guest", "--log-dir=/var/log/xen/console", "--timestamp=guest");
        Path logs = Files.createDirectories(root.resolve("var/log/xen/console"));
        Files.writeString(logs.resolve("guest-web.log"), T + "Logfile Opened\n" + T + "an older boot\n" + T
                + "Logfile Opened\n" + T + "Linux version 6.1.0\n" + T + "web login: ");

        Result text = sinceBoot("console", "web", "--log", "--since-boot", "--timeout", "1");
        Result json = sinceBoot("-o", "json", "console", "web", "--log", "--since-boot", "--timeout", "1");
        Result seen = sinceBoot("console", "web", "--since-boot", "--expect", "Linux version", "--timeout", "5");
        Result unseen = sinceBoot("console", "web", "--since-boot", "--expect", "an older boot", "--timeout", "1");

        assertThat(text.exit()).as(text.toString()).isZero();
        assertThat(text.out()).isEqualTo("Linux version 6.1.0\nweb login: ");
        assertThat(json.exit()).as(json.toString()).isZero();
        assertThat(json.out().lines()).first().isEqualTo("{\"domain\":\"web\",\"line\":\"Linux version 6.1.0\"}");
        assertThat(json.out().lines().skip(1).findFirst().orElseThrow()).isEqualTo("{\"domain\":\"web\",\"line\":"
                + "\"web login: \"}");
        JsonNode end = Cli.Result.parse(json.out().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(end.get("ended").asText()).isEqualTo("timeout");
        assertThat(seen.exit()).as(seen.toString()).isZero();
        assertThat(seen.out()).startsWith("Saw 'Linux version' on the console of domain web after ");
        assertThat(unseen.exit()).isEqualTo(4);
    }

    @Test
    void since_boot_says_which_setting_is_missing() throws IOException {
        Result alone = sinceBoot("console", "web", "--since-boot");
        Result remote = Cli.run("-c", "test+ssh://nowhere.invalid/default", "console", "web", "--log",
                "--since-boot");
        Result noDaemon = sinceBoot("console", "web", "--log", "--since-boot");
        xenconsoled("-i", "--log=none");
        Result noLogs = sinceBoot("console", "web", "--log", "--since-boot");
        xenconsoled("-i", "--log=guest");
        Result noStamps = sinceBoot("console", "web", "--log", "--since-boot");
        xenconsoled("-i", "--log=guest", "--timestamp=guest");
        Result noFile = sinceBoot("-o", "json", "console", "web", "--log", "--since-boot");

        assertThat(alone.exit()).isEqualTo(2);
        assertThat(alone.err()).contains("--since-boot goes with --log or --expect");
        assertThat(remote.exit()).as(remote.toString()).isEqualTo(1);
        assertThat(remote.err()).startsWith("xenctl: error: --since-boot reads xenconsoled's log in the dom0, which "
                + "libvirt does not serve through test+ssh://nowhere.invalid/default\n");
        assertThat(noDaemon.exit()).isEqualTo(1);
        assertThat(noDaemon.err()).contains("xenconsoled is not running on this host");
        assertThat(noLogs.err()).contains("it runs without --log=guest").contains("XENCONSOLED_ARGS in /etc/default/xen");
        assertThat(noStamps.err()).contains("it runs without --timestamp=guest")
                .contains("/var/log/xen/console/guest-web.log");
        assertThat(noFile.exit()).isEqualTo(1);
        assertThat(noFile.errorJson().get("error").get("message").asText()).contains("guest-web.log does not exist");
    }

    @Test
    void since_boot_refuses_an_hvm_guests_serial_console() throws IOException {
        xenconsoled("--log=guest", "--timestamp=guest");
        String host = TestDriver.host(root, "hvm-host", """
                <domain type='test'><name>win</name><memory unit='MiB'>64</memory>
                  <os><type>hvm</type></os></domain>
                """);

        Result r = Cli.runWith(Map.of("XENCTL_HOST_ROOT", root.toString()), "-c", host, "console", "win", "--log",
                "--since-boot");

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("domain win's console is its emulated serial port, which xenconsoled does not "
                + "log");
    }
}
