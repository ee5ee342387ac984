package org.xenctl.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DomainRefTest {
    @Test
    void tells_ids_and_uuids_from_names() {
        assertThat(DomainRef.of("0").looksLikeId()).isTrue();
        assertThat(DomainRef.of("42").looksLikeId()).isTrue();
        assertThat(DomainRef.of("042").looksLikeId()).isFalse();
        assertThat(DomainRef.of("99999999999").looksLikeId()).isFalse();
        assertThat(DomainRef.of("web").looksLikeId()).isFalse();
        assertThat(DomainRef.of("6695eb01-f6a4-8304-79aa-97f2502e193f").looksLikeUuid()).isTrue();
        assertThat(DomainRef.of("6695eb01f6a4830479aa97f2502e193f").looksLikeUuid()).isTrue();
        assertThat(DomainRef.of("6695eb01-f6a4").looksLikeUuid()).isFalse();
        assertThatThrownBy(() -> DomainRef.of(" ")).isInstanceOf(XenctlException.class);
    }

    @Test
    void names_states_and_reasons_as_libvirt_numbers_them() {
        assertThat(DomainState.fromCode(1)).isEqualTo(DomainState.RUNNING);
        assertThat(DomainState.fromCode(5).reason(2)).isEqualTo("destroyed");
        assertThat(DomainState.fromCode(3).reason(1)).isEqualTo("user");
        assertThat(DomainState.fromCode(99)).isEqualTo(DomainState.NOSTATE);
        assertThat(DomainState.RUNNING.reason(99)).isEqualTo("unknown");
        assertThat(DomainState.SHUTOFF.isActive()).isFalse();
        assertThat(DomainState.PAUSED.isActive()).isTrue();
    }
}
