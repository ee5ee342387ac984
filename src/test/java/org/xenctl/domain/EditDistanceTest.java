package org.xenctl.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class EditDistanceTest {
    @Test
    void counts_insertions_deletions_changes_and_a_swap_of_neighbours_as_one_edit_each() {
        assertThat(EditDistance.between("list", "list")).isZero();
        assertThat(EditDistance.between("lsit", "list")).isEqualTo(1);
        assertThat(EditDistance.between("lis", "list")).isEqualTo(1);
        assertThat(EditDistance.between("lst", "last")).isEqualTo(1);
        assertThat(EditDistance.between("", "info")).isEqualTo(4);
    }

    @Test
    void within_agrees_with_the_distance_and_skips_words_whose_lengths_differ_too_much() {
        List<String> words = List.of("", "a", "list", "lsit", "info", "infos", "dominfo", "pause", "unpause",
                "pci-list", "pci-host-list");
        for (String a : words) {
            for (String b : words) {
                for (int most = 0; most <= 3; most++) {
                    assertThat(EditDistance.within(a, b, most)).as(a + " / " + b + " within " + most)
                            .isEqualTo(EditDistance.between(a, b) <= most);
                }
            }
        }
        // Compared, this would need a table of 400 million cells.
        assertThat(EditDistance.within("x".repeat(20_000_000), "list", 2)).isFalse();
    }
}
