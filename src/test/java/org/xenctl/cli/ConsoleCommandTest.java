package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;

/**
 * console's refusals on libvirt's test driver, which has no consoles to open (virDomainOpenConsole is not
 * supported there): every refusal comes before libvirt is asked, and the driver's own answer is a clear one. The
 * console itself, interactive and not, is proven on Xen (ConsoleXenLabIT).
 */
class ConsoleCommandTest {

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
}
