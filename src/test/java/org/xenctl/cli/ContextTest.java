package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ContextTest {

    @Test
    void the_host_is_slash_unless_a_test_names_another_root_and_an_empty_name_is_no_name() {
        assertThat(Context.of(Map.of()).hostRoot()).isEqualTo(Path.of("/"));
        assertThat(Context.of(Map.of("XENCTL_HOST_ROOT", "")).hostRoot()).isEqualTo(Path.of("/"));
        assertThat(Context.of(Map.of("XENCTL_HOST_ROOT", "/tmp/tree")).hostRoot()).isEqualTo(Path.of("/tmp/tree"));
    }
}
