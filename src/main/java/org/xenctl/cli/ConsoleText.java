package org.xenctl.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a console printed, as text: UTF-8 decoded across chunks that may split a character (bytes that are not UTF-8
 * become U+FFFD), and, for JSON lines, cut into lines without their CR LF.
 */
final class ConsoleText {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private final StringBuilder line = new StringBuilder();

    /** The text of these bytes, less an unfinished character at the end (kept for the next chunk). */
    String decode(byte[] chunk, int length) {
        ByteBuffer in = ByteBuffer.allocate(pending.remaining() + length);
        in.put(pending).put(chunk, 0, length).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        pending = in.slice();
        return out.flip().toString();
    }

    /** The lines these bytes complete. */
    List<String> lines(byte[] chunk, int length) {
        List<String> complete = new ArrayList<>();
        for (char c : decode(chunk, length).toCharArray()) {
            if (c == '\n') {
                complete.add(stripCr(line.toString()));
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
        return complete;
    }

    /** The last line, unfinished when the console ended or the time ran out; null when there is none. */
    String rest() {
        String rest = stripCr(line.toString());
        line.setLength(0);
        return rest.isEmpty() ? null : rest;
    }

    private static String stripCr(String text) {
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
