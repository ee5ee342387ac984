package org.xenctl.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

class UriResolverTest {
    @TempDir
    Path dir;

    /** {@code configured}: uri_default as xenctl.conf gave it, or null. */
    private UriResolver resolver(Map<String, String> env, String configured, String capabilities) throws Exception {
        Path caps = dir.resolve("capabilities");
        if (capabilities != null) {
            Files.writeString(caps, capabilities);
        }
        return new UriResolver(env, Optional.ofNullable(configured), "/etc/xenctl/xenctl.conf", caps);
    }

    @Test
    void an_explicit_uri_wins() throws Exception {
        UriResolver r = resolver(Map.of("XENCTL_DEFAULT_URI", "a:///"), "b:///", "control_d\n");
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
    void then_the_config_file_naming_it_as_the_source() throws Exception {
        assertThat(resolver(Map.of(), "xen+ssh://root@h/system", "control_d\n").resolve(null)).isEqualTo(
                new UriResolver.Resolved("xen+ssh://root@h/system", "/etc/xenctl/xenctl.conf (uri_default)"));
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

}
