package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.host.XenctlConf;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The man page and the bash completion, written from the command table: every verb is in both, and the completion
 * runs in a real bash (scripts/test-deb checks them installed, as root).
 */
class PackagingFilesTest {

    private static String manPage() {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            new ManPage(out).write(new CommandTable(), "1.2.3", "2026-12-04");
        }
        return text.toString();
    }

    @Test
    void the_man_page_has_every_verb_with_its_options_and_roff_escapes() {
        String page = manPage();

        assertThat(page).startsWith(".TH XENCTL 1 \"2026-12-04\" \"xenctl 1.2.3\"");
        for (CommandSpec verb : new CommandTable().verbs()) {
            assertThat(page).as(verb.name()).containsPattern("(?m)^\\.SS " + ManPage.escape(verb.name())
                    .replace("\\", "\\\\"));
        }
        assertThat(page).contains("\\fB\\-\\-cap\\fR").contains(".SH EXIT STATUS").contains("xenctl.conf (5)");
        assertThat(page.lines().filter(line -> line.startsWith(".") && !line.matches("\\.[A-Za-z]{1,2}( .*)?")))
                .as("no text line starts with a dot").isEmpty();
    }

    @Test
    void every_configuration_key_is_documented_in_the_man_page_and_the_shipped_file() throws Exception {
        String manual = Files.readString(Path.of("packaging/man/xenctl.conf.5"));
        String shipped = Files.readString(Path.of("packaging/deb/xenctl.conf"));
        for (String key : XenctlConf.KEYS) {
            assertThat(manual).as(key).containsPattern("(?m)^\\.B " + Pattern.quote(key) + "$");
            assertThat(shipped).as(key).containsPattern("(?m)^#" + Pattern.quote(key) + " = ");
        }
        // What is shipped reads without a warning: every line a comment, every key known.
        assertThat(XenctlConf.parse(Path.of("xenctl.conf"), shipped.replaceAll("(?m)^#([\\w.]+ = )", "$1").lines()
                .toList()).warnings()).isEmpty();
    }

    @Test
    void bash_completes_verbs_options_and_their_values(@TempDir Path dir) throws Exception {
        StringWriter script = new StringWriter();
        try (PrintWriter out = new PrintWriter(script)) {
            BashCompletion.write(new CommandTable(), out);
        }
        Path file = Files.writeString(dir.resolve("xenctl"), script.toString());
        String probe = "source " + file + "\n"
                + "c() { COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _xenctl; "
                + "echo \"${COMPREPLY[*]}\"; }\n"
                + "c xenctl managedsave-r\nc xenctl sched-credit2 --c\nc xenctl wait web --state s\n"
                + "c xenctl console web --type ''\n"
                + "c xenctl -H ''\nc xenctl -H rack1 managedsave-r\n";
        Path conf = Files.writeString(dir.resolve("xenctl.conf"), "hosts.rack1 = [ \"a\" ]\n hosts.lab-2 = [\n");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", probe).redirectErrorStream(true);
        builder.environment().put("XENCTL_CONFIG", conf.toString());
        Process bash = builder.start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bash.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo("managedsave-remove\n--cap\nshutoff\npv serial\nall rack1 lab-2\nmanagedsave-remove\n");
    }
}
