package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.xenctl.domain.XenctlException;

/** The console's own logic, byte by byte: the escape key, --expect across chunks, and text across chunks. */
class ConsolePartsTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean seen(ConsoleExpect expect, String chunk) {
        byte[] data = bytes(chunk);
        return expect.seenAfter(data, data.length);
    }

    @Test
    void the_escape_key_is_written_as_xl_and_virsh_write_it_and_ends_what_goes_to_the_guest() {
        ConsoleEscape ctrlBracket = ConsoleEscape.parse("^]");
        byte[] typed = {'l', 's', '\r', 0x1d, 'x'};

        assertThat(ctrlBracket.before(typed, typed.length)).containsExactly('l', 's', '\r');
        assertThat(ctrlBracket.pressedIn(typed, typed.length)).isTrue();
        assertThat(ctrlBracket.pressedIn(typed, 3)).as("only what was read counts").isFalse();
        assertThat(ctrlBracket.shown()).isEqualTo("^]");
        assertThat(ConsoleEscape.parse("^a").before(new byte[] {'a', 1}, 2)).containsExactly('a');
        assertThat(ConsoleEscape.parse("~").shown()).isEqualTo("~");
        assertThatThrownBy(() -> ConsoleEscape.parse("^1")).isInstanceOf(XenctlException.class);
        assertThatThrownBy(() -> ConsoleEscape.parse("ab")).isInstanceOf(XenctlException.class);
        assertThatThrownBy(() -> ConsoleEscape.parse("é")).isInstanceOf(XenctlException.class);
    }

    @Test
    void expect_finds_a_text_split_across_chunks_and_not_one_that_is_not_there() {
        ConsoleExpect banner = new ConsoleExpect("guest: up");
        assertThat(seen(banner, "booting...\r\nxenctl-lab-gu")).isFalse();
        assertThat(seen(banner, "e")).isFalse();
        assertThat(seen(banner, "st: u")).isFalse();
        assertThat(seen(banner, "p, kernel 6.1")).isTrue();

        ConsoleExpect never = new ConsoleExpect("login:");
        for (String chunk : new String[] {"log", "in", " :", "logi", "n"}) {
            assertThat(seen(never, chunk)).as(chunk).isFalse();
        }
        ConsoleExpect accented = new ConsoleExpect("prêt");
        byte[] text = bytes("prêt");
        assertThat(accented.seenAfter(text, 3)).isFalse();
        assertThat(accented.seenAfter(new byte[] {text[3], text[4]}, 2)).isTrue();
    }

    @Test
    void text_keeps_a_character_split_across_chunks_and_lines_lose_their_cr_lf() {
        ConsoleText text = new ConsoleText();
        byte[] word = bytes("né\r\nsecond");
        assertThat(text.lines(word, 2)).isEmpty();
        assertThat(text.lines(java.util.Arrays.copyOfRange(word, 2, word.length), word.length - 2))
                .containsExactly("né");
        assertThat(text.rest()).isEqualTo("second");
        assertThat(text.rest()).isNull();
        assertThat(new ConsoleText().decode(new byte[] {'a', (byte) 0xff, 'b'}, 3)).isEqualTo("a\ufffdb");
    }
}
