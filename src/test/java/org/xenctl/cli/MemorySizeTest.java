package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/** xl mem-set's sizes (xl(1): "2048m", default unit MiB, b/k/m/g/t) in KiB. */
class MemorySizeTest {

    @Test
    void xls_units_and_its_default() {
        assertThat(MemorySize.kib("2048m")).isEqualTo(2048 * 1024);
        assertThat(MemorySize.kib("512")).isEqualTo(512 * 1024);
        assertThat(MemorySize.kib("2g")).isEqualTo(2L * 1024 * 1024);
        assertThat(MemorySize.kib("2G")).isEqualTo(2L * 1024 * 1024);
        assertThat(MemorySize.kib("1t")).isEqualTo(1L << 30);
        assertThat(MemorySize.kib("1048576k")).isEqualTo(1048576);
        assertThat(MemorySize.kib("1536b")).isEqualTo(1);  // rounded down, as xl does
    }

    @Test
    void what_xls_strtoll_would_read_as_something_else_is_refused() {
        for (String bad : new String[] {"", "-1", "+5", " 5", "1.5g", "2gb", "g", "0x10", "99999999999999999999",
                "2000000t"}) {
            XenctlException refused = catchThrowableOfType(() -> MemorySize.kib(bad), XenctlException.class);
            assertThat(refused).as(bad).isNotNull();
            assertThat(refused.code()).as(bad).isEqualTo(ErrorCode.USAGE);
        }
    }
}
