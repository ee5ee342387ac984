package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/** Splits a batch line into words as a POSIX shell would: blanks separate, quotes group, backslash escapes. */
final class ShellWords {
    private ShellWords() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        scan(line, words, false);
        return words;
    }

    /**
     * Whether the line ends in a backslash outside single quotes: in a shell, that backslash escapes the newline and
     * the command goes on on the next line. Quotes left open are not a continuation (a shell's would be; a batch
     * line is one command).
     */
    static boolean continues(String line) {
        return scan(line, new ArrayList<>(), true);
    }

    /** Adds the line's words to {@code words}; with {@code continuation}, answers {@link #continues} instead. */
    private static boolean scan(String line, List<String> words, boolean continuation) {
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\\' && i + 1 == line.length() && continuation) {
                return true;
            } else if (c == '\\' && i + 1 < line.length() && (quote == 0 || "\"\\$`".indexOf(line.charAt(i + 1)) >= 0)) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (continuation) {
            return false;
        }
        if (quote != 0) {
            throw new XenctlException(ErrorCode.USAGE, "unterminated " + (quote == '"' ? "double" : "single")
                    + " quote in: " + line);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return false;
    }
}
