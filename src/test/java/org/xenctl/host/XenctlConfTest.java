package org.xenctl.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

class XenctlConfTest {
    @TempDir
    Path dir;

    private XenctlConf read(String text) throws Exception {
        Path file = dir.resolve("xenctl.conf");
        Files.writeString(file, text);
        return XenctlConf.read(file, false);
    }

    private Path file() {
        return dir.resolve("xenctl.conf");
    }

    @Test
    void every_key_with_comments_blank_lines_and_the_last_assignment_winning() throws Exception {
        XenctlConf conf = read("""
                # the host
                uri_default = "xen+ssh://root@h#1/system"   # the # in quotes stays
                output = "text"

                output="JSON"
                connect_timeout = 7
                """);
        assertThat(conf.uriDefault()).contains("xen+ssh://root@h#1/system");
        assertThat(conf.output()).contains("json");
        assertThat(conf.connectTimeout()).contains(Duration.ofSeconds(7));
        assertThat(conf.warnings()).isEmpty();
        assertThat(read("connect_timeout = \"12\"\n").connectTimeout()).contains(Duration.ofSeconds(12));
    }

    @Test
    void an_unknown_key_is_a_warning_with_its_line_and_the_key_it_resembles() throws Exception {
        XenctlConf conf = read("output = \"json\"\nouptut = \"text\"\nlog_level = 3\n");
        assertThat(conf.output()).contains("json");
        assertThat(conf.warnings()).containsExactly(
                file() + ":2: unknown key 'ouptut' (did you mean 'output'?), ignored",
                file() + ":3: unknown key 'log_level', ignored");
    }

    @Test
    void a_line_that_does_not_parse_or_a_value_a_key_cannot_take_stops_with_the_line() {
        assertProblem("ok = \"1\"\nthis is not a setting\n", ":2: expected a setting of the form key = \"value\"");
        assertProblem("uri_default = xen:///system\n", ":1: uri_default needs a quoted value");
        assertProblem("uri_default = \"a\" \"b\"\n", ":1: uri_default needs a quoted value");
        assertProblem("output = \"yaml\"\n", ":1: output must be \"text\" or \"json\", not \"yaml\"");
        assertProblem("connect_timeout = 0\n", ":1: connect_timeout must be a whole number of seconds");
        assertProblem("connect_timeout = 99999999999999999999\n", ":1: connect_timeout must be");
        assertProblem("connect_timeout = -3\n", ":1: connect_timeout must be");
        assertProblem("= \"x\"\n", ":1: expected a setting");
        assertProblem("uri_default = \"a\u0000b\"\n", ":1: uri_default contains a control character");
    }

    @Test
    void a_character_pasted_from_a_web_page_is_named_with_its_line_and_column() throws Exception {
        // Each was "expected a setting of the form key = "value"" or "needs a quoted value": the text looked right.
        assertProblem("output\u00a0= \"json\"\n", ":1:7: U+00A0 NO-BREAK SPACE, which looks like a space");
        assertProblem("# hosts\nuri_default = \u201cxen:///system\u201d\n",
                ":2:15: typographic quote '\u201c' (U+201C LEFT DOUBLE QUOTATION MARK)");
        assertProblem("hosts.a = [ \"xen+ssh://a/system\",\n  \"xen+ssh://b/system\"\u200b ]\n",
                ":2:23: U+200B ZERO WIDTH SPACE, an invisible character");
        assertThatThrownBy(() -> read("output = \u2018json\u2019\n"))
                .satisfies(e -> assertThat(((XenctlException) e).hint()).startsWith("replace it with a straight quote"));
        // In a comment, harmless.
        assertThat(read("output = \"json\"  # \u201cjson\u201d\u00a0or text\n").output()).contains("json");
    }

    private void assertProblem(String text, String message) {
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(XenctlException.class)
                .satisfies(e -> assertThat(((XenctlException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIG))
                .hasMessageStartingWith(file().toString())
                .hasMessageContaining(message);
    }

    @Test
    void host_groups_are_lists_of_uris_by_name_in_the_files_order() throws Exception {
        XenctlConf conf = read("""
                hosts.rack-2 = [ "xen+ssh://root@c/system" ]
                hosts.rack1 = [ "xen+ssh://root@a/system",   # the first
                                 "xen+tls://b/system?pkipath=/x,y" ]
                """);
        assertThat(conf.hostGroups()).containsExactly(
                java.util.Map.entry("rack-2", List.of("xen+ssh://root@c/system")),
                java.util.Map.entry("rack1", List.of("xen+ssh://root@a/system", "xen+tls://b/system?pkipath=/x,y")));
        assertProblem("hosts.x = \"a\"\n", ":1: hosts.x needs a list of quoted URIs");
        assertProblem("hosts.x = [ ]\n", ":1: hosts.x names no host");
        assertProblem("hosts.x = [ \"a\", b ]\n", ":1: hosts.x needs a quoted value");
        assertProblem("hosts.x = [ \"\" ]\n", ":1: hosts.x has an empty URI");
        assertProblem("hosts. = [ \"a\" ]\n", ":1: a host group is named with letters");
        assertProblem("hosts.x = [ \"a\",\n\"b\"\n", ":1: hosts.x needs a list of quoted URIs");
    }

    @Test
    void a_missing_file_is_no_configuration_unless_xenctl_config_named_it() {
        Path absent = dir.resolve("absent.conf");
        assertThat(XenctlConf.read(absent, false)).isEqualTo(XenctlConf.none(absent));
        assertThat(XenctlConf.read(absent, true).warnings()).containsExactly(
                absent + ": no such file (named by XENCTL_CONFIG); using the built-in defaults");
    }

    @Test
    void what_is_not_a_configuration_file_is_refused_without_reading_it_whole() throws Exception {
        Path binary = dir.resolve("binary.conf");
        Files.write(binary, new byte[] {'o', (byte) 0xff, (byte) 0xfe, '\n'});
        assertThatThrownBy(() -> XenctlConf.read(binary, true)).hasMessage(binary + " is not UTF-8 text");

        Path huge = dir.resolve("huge.conf");
        Files.writeString(huge, "# padding\n".repeat(10_000));
        assertThatThrownBy(() -> XenctlConf.read(huge, true)).hasMessageContaining("is larger than 64 KiB");

        // An endless device: refused after 64 KiB, not read until memory runs out.
        Path zero = Path.of("/dev/zero");
        if (Files.isReadable(zero)) {
            assertThatThrownBy(() -> XenctlConf.read(zero, true)).hasMessageContaining("is larger than 64 KiB");
        }
        assertThatThrownBy(() -> XenctlConf.read(dir, true))
                .isInstanceOf(XenctlException.class).hasMessageStartingWith("cannot read " + dir);
        assertThat(XenctlConf.read(Path.of("/dev/null"), true).warnings()).isEmpty();
    }
}
