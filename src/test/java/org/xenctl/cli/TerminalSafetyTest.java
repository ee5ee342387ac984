package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.TestDriver;

/**
 * Names and messages from outside xenctl cannot drive the reader's terminal or split a line: a domain named with a
 * terminal's control sequence (C1's CSI is legal in libvirt's XML, and whoever may define domains chooses names)
 * is listed with the sequence escaped, and a message quoting what the user typed stays one line.
 */
class TerminalSafetyTest {
    private static final String CSI = "\u009b";

    @TempDir
    Path dir;

    @Test
    void a_domain_named_with_a_control_sequence_is_listed_escaped_in_text_and_json() throws IOException {
        String host = TestDriver.host(dir, "named", """
                <domain type='test'><name>&#x9b;2Jgone</name><memory>65536</memory><os><type>xen</type></os></domain>
                """);

        Result text = Cli.run("-c", host, "list", "--all");
        assertThat(text.exit()).as(text.toString()).isZero();
        assertThat(text.out()).contains("\\u009b2Jgone").doesNotContain(CSI);

        Result info = Cli.run("-c", host, "info", CSI + "2Jgone");
        assertThat(info.exit()).as(info.toString()).isZero();
        assertThat(info.out()).contains("\\u009b2Jgone").doesNotContain(CSI);

        Result json = Cli.run("-c", host, "-o", "json", "list", "--all");
        assertThat(json.out()).contains("\\u009B2Jgone").doesNotContain(CSI);
        assertThat(json.json().get("domains").get(0).get("name").asText()).isEqualTo(CSI + "2Jgone");
    }

    @Test
    void columns_line_up_under_names_in_any_script_as_a_terminal_draws_them() throws IOException {
        String host = TestDriver.host(dir, "scripts", """
                <domain type='test'><name>数据库服务器</name><memory>65536</memory><os><type>xen</type></os></domain>
                <domain type='test'><name>web-01</name><memory>65536</memory><os><type>xen</type></os></domain>
                <domain type='test'><name>cafe&#x301;</name><memory>65536</memory><os><type>xen</type></os></domain>
                """);

        Result r = Cli.run("-c", host, "list", "--columns", "name,state,id");

        // Six ideographs are twelve columns; the combining accent takes none (virsh lines them up the same).
        assertThat(r.out()).as(r.toString()).isEqualTo("""
                Name          State    ID
                数据库服务器  running   1
                web-01        running   2
                café          running   3
                """);
    }

    @Test
    void an_error_quoting_what_the_user_typed_is_one_line_without_escape_sequences() {
        Result r = Cli.run("-c", TestDriver.DEFAULT, "info", "we\u001b]0;owned\u0007b\nsecond");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("xenctl: error: domain 'we\\e]0;owned\\x07b\\nsecond' not found")
                .doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void a_config_problem_echoing_the_file_stays_on_its_line() throws IOException {
        Path cfg = dir.resolve("web.cfg");
        java.nio.file.Files.writeString(cfg, "name = \"web\"\nmemory = \"12\u001b[2J\"\n");

        Result r = Cli.run("config", "check", cfg.toString());

        assertThat(r.exit()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).contains("web.cfg:2:13: control character \\x1b").doesNotContain("\u001b");
    }
}
