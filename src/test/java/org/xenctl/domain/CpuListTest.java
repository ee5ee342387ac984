package org.xenctl.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** xl's CPU list syntax (xl.cfg(5) cpus=, xl vcpu-pin), on an 8-CPU host. */
class CpuListTest {
    private static final int HOST = 8;

    private static String read(String text) {
        return CpuList.parse(text, HOST).toString();
    }

    @Test
    void the_man_pages_forms() {
        assertThat(read("all")).isEqualTo("all");
        assertThat(read("3")).isEqualTo("3");
        assertThat(read("0-3")).isEqualTo("0-3");
        assertThat(read("0-3,5,^1")).isEqualTo("0,2-3,5");
        assertThat(read("2,3,4")).isEqualTo("2-4");
        assertThat(read("all,^0")).isEqualTo("1-7");
        assertThat(read("^1")).isEqualTo("0,2-7");  // a list of exclusions only: all but those
        assertThat(read("0-7")).isEqualTo("all");
        assertThat(read(" 1 , 6-7 ")).isEqualTo("1,6-7");
    }

    @Test
    void what_the_host_does_not_have_is_out_of_range_and_bad_syntax_is_a_usage_error() {
        XenctlException beyond = catchThrowableOfType(() -> CpuList.parse("0-8", HOST), XenctlException.class);
        assertThat(beyond.code()).isEqualTo(ErrorCode.OUT_OF_RANGE);
        assertThat(beyond.getMessage()).isEqualTo("CPU 8 in '0-8': the host has 8 CPUs (0-7)");
        for (String bad : new String[] {"", "1,,2", "a", "3-1", "-1", "^all", "1-", "nodes:0", "^0-7"}) {
            XenctlException refused = catchThrowableOfType(() -> CpuList.parse(bad, HOST), XenctlException.class);
            assertThat(refused).as(bad).isNotNull();
            assertThat(refused.code()).as(bad).isEqualTo(ErrorCode.USAGE);
            assertThat(refused.getMessage()).as(bad).startsWith("CPU list '" + bad + "': ");
        }
    }

    @Test
    void equal_sets_are_equal_whatever_way_they_were_written() {
        assertThat(CpuList.parse("0-3", HOST)).isEqualTo(CpuList.parse("0,1,2,3", HOST));
        assertThat(CpuList.parse("all", HOST)).isEqualTo(CpuList.all(HOST));
        assertThat(CpuList.parse("0-3", HOST)).isNotEqualTo(CpuList.parse("0-4", HOST));
    }
}
