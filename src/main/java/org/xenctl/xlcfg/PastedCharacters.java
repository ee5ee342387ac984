package org.xenctl.xlcfg;

/**
 * Characters that text copied from a web page or a word processor brings into a configuration: a no-break space, a
 * zero-width space, a direction mark, typographic quotes. They show as a space, as nothing, or as a quote, so a
 * message that merely quotes the text around them shows nothing wrong: it must name them.
 */
public final class PastedCharacters {
    static final String PASTED = " (text copied from a web page or a word processor?)";
    /** Quotes that a word processor or a web page puts where xl.cfg needs ' or ". */
    static final String TYPOGRAPHIC_QUOTES = "\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u00AB\u00BB";

    private PastedCharacters() {
    }

    /**
     * Where the first pasted character of {@code text} is (one that looks like a blank but is no space or tab, one
     * that shows as nothing, a typographic quote); -1 if it has none.
     */
    public static int first(String text) {
        return firstOf(text, true);
    }

    /** The character at {@code at} of {@code text} (found by {@link #first}) named, and what it looks like. */
    public static String described(String text, int at) {
        int codePoint = text.codePointAt(at);
        return TYPOGRAPHIC_QUOTES.indexOf(codePoint) >= 0 ? "typographic quote " + named(codePoint)
                : named(codePoint) + whatItLooksLike(codePoint);
    }

    /** How to mend the character at {@code at} of {@code text} (found by {@link #first}). */
    public static String fix(String text, int at) {
        int codePoint = text.codePointAt(at);
        return TYPOGRAPHIC_QUOTES.indexOf(codePoint) >= 0 ? "replace it with a straight quote" + PASTED
                : fix(codePoint);
    }

    /** A character that shows as a space or not at all but is neither a space nor a tab. */
    static boolean looksLikeBlankOrNothing(int codePoint) {
        return codePoint != ' ' && (Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT);
    }

    /** Where the first character that looks like a blank or like nothing is in {@code text}; -1 if none is. */
    static int firstBlankOrNothing(String text) {
        return firstOf(text, false);
    }

    private static int firstOf(String text, boolean quotesToo) {
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int codePoint = text.codePointAt(i);
            if (looksLikeBlankOrNothing(codePoint) || quotesToo && TYPOGRAPHIC_QUOTES.indexOf(codePoint) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** What the character of {@link #looksLikeBlankOrNothing} looks like, to follow its name in a message. */
    static String whatItLooksLike(int codePoint) {
        return Character.isSpaceChar(codePoint) ? ", which looks like a space" : ", an invisible character";
    }

    /** How to mend the character of {@link #looksLikeBlankOrNothing}, with where it likely came from. */
    static String fix(int codePoint) {
        return (Character.isSpaceChar(codePoint) ? "type a plain space there" : "delete it") + PASTED;
    }

    /** A character as a message can show it: itself when plain ASCII, else its code point and Unicode name too. */
    static String named(int codePoint) {
        if (codePoint < ' ' || codePoint == 0x7f) {
            return String.format("'\\x%02x'", codePoint);
        }
        if (codePoint < 0x7f) {
            return "'" + (char) codePoint + "'";
        }
        String name = Character.getName(codePoint);
        String code = String.format("U+%04X", codePoint) + (name == null ? "" : " " + name);
        return looksLikeBlankOrNothing(codePoint) ? code : "'" + Character.toString(codePoint) + "' (" + code + ")";
    }

    /**
     * A message about text that may hold such a character (a spec string's value, quoted): with the first one named
     * after it, since the quote shows it as a space or not at all. Unchanged when it holds none.
     */
    public static String naming(String message) {
        int at = firstBlankOrNothing(message);
        if (at < 0) {
            return message;
        }
        int codePoint = message.codePointAt(at);
        return message + ": it holds " + named(codePoint) + whatItLooksLike(codePoint);
    }

    /** The hint for a message that {@link #naming} changed: how to mend the character first. */
    public static String mending(String message, String hint) {
        int at = firstBlankOrNothing(message);
        if (at < 0) {
            return hint;
        }
        return fix(message.codePointAt(at)) + (hint == null ? "" : "; " + hint);
    }
}
