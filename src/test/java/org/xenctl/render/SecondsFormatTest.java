package org.xenctl.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SecondsFormatTest {
    private static String formatted(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    @Test
    void prints_what_the_formatter_prints_around_every_rounding_boundary() {
        for (long tenth = 0; tenth < 200; tenth++) {
            for (long offset : new long[] {-1, 0, 1, 49_999_999, 50_000_000, 50_000_001, 99_999_999}) {
                long nanos = tenth * 100_000_000L + offset;
                if (nanos >= 0) {
                    assertThat(SecondsFormat.ofNanos(nanos)).as("%d ns", nanos).isEqualTo(formatted(nanos));
                }
            }
        }
    }

    @Test
    void prints_what_the_formatter_prints_for_cpu_times_of_long_running_domains() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long nanos = Math.floorMod(random.nextLong(), 4_000_000_000_000_000L);
            assertThat(SecondsFormat.ofNanos(nanos)).as("%d ns", nanos).isEqualTo(formatted(nanos));
        }
        assertThat(SecondsFormat.ofNanos(1_795_267_039_349_999_999L)).isEqualTo("1795267039.3");
        assertThat(SecondsFormat.ofNanos(1_795_267_039_350_000_000L)).isEqualTo("1795267039.4");
    }
}
