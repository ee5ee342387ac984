package org.xenctl.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

class UriResolverTest {
    @TempDir
    Path dir;

    private UriResolver resolver(Map<String, String> env, String config, String capabilities) throws Exception {
        Path conf = dir.resolve("xenctl.conf");
        if (config != null) {
            Files.writeString(conf, config);
        }
        Path caps = dir.resolve("capabilities");
        if (capabilities != null) {
            Files.writeString(caps, capabilities);
        }
        return new UriResolver(env, conf, caps);
    }

    @Test
    void an_explicit_uri_wins() throws Exception {
        UriResolver r = resolver(Map.of("XENCTL_DEFAULT_URI", "a:///"), "uri_default = \"b:///\"", "control_d\n");
        assertThat(r.resolve("c:///")).isEqualTo(new UriResolver.Resolved("c:///", "--connect"));
    }

    @Test
    void then_xenctl_then_libvirt_variables() throws Exception {
        assertThat(resolver(Map.of("XENCTL_DEFAULT_URI", "a:///", "LIBVIRT_DEFAULT_URI", "l:///"), null, null)
                .resolve(null).uri()).isEqualTo("a:///");
        assertThat(resolver(Map.of("XENCTL_DEFAULT_URI", " ", "LIBVIRT_DEFAULT_URI", "l:///"), null, null)
                .resolve(null)).isEqualTo(new UriResolver.Resolved("l:///", "LIBVIRT_DEFAULT_URI"));
    }

    @Test
    void then_the_config_file_ignoring_comments_and_other_keys() throws Exception {
        UriResolver r = resolver(Map.of(), "# hosts\nlog_level = \"info\"  # comment\n"
                + "uri_default = \"xen+ssh://root@h#1/system\" # the # in quotes stays\n", "control_d\n");
        assertThat(r.resolve(null).uri()).isEqualTo("xen+ssh://root@h#1/system");
    }

    @Test
    void then_xen_system_on_a_dom0_only() throws Exception {
        assertThat(resolver(Map.of(), null, "control_d\n").resolve(null).uri()).isEqualTo("xen:///system");
        assertThatThrownBy(() -> resolver(Map.of(), null, "").resolve(null))
                .isInstanceOf(XenctlException.class)
                .satisfies(e -> assertThat(((XenctlException) e).code()).isEqualTo(ErrorCode.NO_URI));
        assertThatThrownBy(() -> resolver(Map.of(), null, null).resolve(null))
                .hasMessageContaining("not a Xen dom0");
    }

    @Test
    void a_malformed_config_line_names_file_and_line() throws Exception {
        assertThatThrownBy(() -> resolver(Map.of(), "ok = \"1\"\nthis is not a setting\n", null).resolve(null))
                .hasMessage(dir.resolve("xenctl.conf") + ":2: expected a setting of the form key = \"value\"");
    }
}
