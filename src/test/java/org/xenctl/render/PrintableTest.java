package org.xenctl.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void text_without_control_characters_is_returned_as_it_is() {
        String name = "web-01 é 中文 \\ 'quoted'";
        assertThat(Printable.of(name)).isSameAs(name);
        assertThat(Printable.of("")).isEmpty();
    }

    @Test
    void escape_sequences_and_line_breaks_are_shown_not_obeyed() {
        assertThat(Printable.of("\u001b[31mred\u001b[0m")).isEqualTo("\\e[31mred\\e[0m");
        assertThat(Printable.of("one\ntwo\r\tthree")).isEqualTo("one\\ntwo\\r\\tthree");
        assertThat(Printable.of("bell\u0007 nul\u0000 del\u007f")).isEqualTo("bell\\x07 nul\\x00 del\\x7f");
    }

    @Test
    void c1_controls_which_a_terminal_may_obey_are_escaped_as_code_points() {
        assertThat(Printable.of("a\u009b31mb\u0085c")).isEqualTo("a\\u009b31mb\\u0085c");
        assertThat(Printable.of("\u00a0nbsp stays")).isEqualTo("\u00a0nbsp stays");
    }

    @Test
    void an_escaped_text_has_no_control_character_left() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x100; c++) {
            every.append(c);
        }
        String shown = Printable.of(every.toString());
        assertThat(shown.chars().filter(c -> Printable.isControl((char) c))).isEmpty();
        assertThat(shown).contains(" !\"#").contains("xyz{|}~").contains("\\x7f\\u0080");
    }
}
