package org.xenctl.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Xen release rule of migration: to the same release or a newer one, never older, never another major. */
class MigrationPreflightTest {

    @Test
    void an_older_minor_or_major_release_is_older_and_a_patch_level_is_not() {
        assertThat(MigrationPreflight.olderRelease("4.16.5", "4.17.3")).isTrue();
        assertThat(MigrationPreflight.olderRelease("3.4.0", "4.17.3")).isTrue();
        assertThat(MigrationPreflight.olderRelease("4.17.0", "4.17.7")).as("the same release").isFalse();
        assertThat(MigrationPreflight.olderRelease("4.18.0", "4.17.7")).isFalse();
        assertThat(MigrationPreflight.olderRelease("5.0", "4.17.7")).isFalse();
    }

    @Test
    void another_major_release_is_told_apart() {
        assertThat(MigrationPreflight.otherMajor("5.0.1", "4.17.7")).isTrue();
        assertThat(MigrationPreflight.otherMajor("4.18.0", "4.17.7")).isFalse();
        assertThat(MigrationPreflight.otherMajor("unknown", "4.17.7")).isFalse();
    }

    @Test
    void a_version_that_is_not_numbered_is_not_judged() {
        assertThat(MigrationPreflight.olderRelease("unknown", "4.17.7")).isFalse();
        assertThat(MigrationPreflight.olderRelease("4.17", "x")).isFalse();
    }
}
