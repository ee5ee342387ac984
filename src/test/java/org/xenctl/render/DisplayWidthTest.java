package org.xenctl.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.junit.jupiter.api.Test;

/** Column widths against the C library's wcwidth, which virsh's tables and terminals go by. */
class DisplayWidthTest {
    private static final int LC_CTYPE = 0;

    /** glibc's. */
    interface C extends Library {
        String setlocale(int category, String locale);

        int wcwidth(int wc);
    }

    @Test
    void latin_names_are_a_column_a_character_and_cjk_two() {
        assertThat(DisplayWidth.of("web-01")).isEqualTo(6);
        assertThat(DisplayWidth.of("数据库服务器")).isEqualTo(12);
        assertThat(DisplayWidth.of("cafe\u0301")).isEqualTo(4);
        assertThat(DisplayWidth.of("한국어")).isEqualTo(6);
        assertThat(DisplayWidth.of("ｗｅｂ")).isEqualTo(6);
    }

    @Test
    void each_script_a_name_is_written_in_is_as_wide_as_glibc_says() {
        C c = Native.load("c", C.class);
        assertThat(c.setlocale(LC_CTYPE, "C.UTF-8")).isNotNull();
        int[][] blocks = {{0x20, 0x7e}, {0xa0, 0x24f}, {0x300, 0x36f}, {0x370, 0x3ff}, {0x400, 0x52f},
                {0x590, 0x5ff}, {0x600, 0x6ff}, {0x900, 0x97f}, {0xe00, 0xe7f}, {0x1100, 0x11ff}, {0x2e80, 0x2fdf},
                {0x3000, 0x30ff}, {0x3400, 0x4dbf}, {0x4e00, 0x9fff}, {0xa000, 0xa4cf}, {0xac00, 0xd7a3},
                {0xf900, 0xfaff}, {0xfe30, 0xfe4f}, {0xff00, 0xffe6}, {0x20000, 0x2a6df}};
        List<String> differ = new ArrayList<>();
        for (int[] block : blocks) {
            for (int codePoint = block[0]; codePoint <= block[1]; codePoint++) {
                int expected = c.wcwidth(codePoint);
                if (expected < 0 || Character.getType(codePoint) == Character.UNASSIGNED) {
                    continue;  // unassigned here or there: no name has it
                }
                if (DisplayWidth.of(codePoint) != expected) {
                    differ.add(String.format("U+%04X %d/%d", codePoint, DisplayWidth.of(codePoint), expected));
                }
            }
        }
        assertThat(differ).isEmpty();
    }
}
