package org.xenctl.render;

/**
 * How many columns a string takes on a terminal, so that tables line up under names in any script, as virsh's do:
 * combining marks and format characters take none, East Asian wide and fullwidth characters take two, the rest one:
 * Markus Kuhn's wcwidth, as the C library's answers for these, without a call into it. Emoji are taken as one
 * column, where the C library gives some of them two.
 */
final class DisplayWidth {
    private DisplayWidth() {
    }

    static int of(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) >= 0x300) {
                return mixed(text);
            }
        }
        return length;  // Latin only: a column per character (the usual case, and the one a long listing has)
    }

    private static int mixed(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            width += of(codePoint);
        }
        return width;
    }

    static int of(int codePoint) {
        if (codePoint < 0x300) {
            return 1;  // control characters never reach a table (Printable)
        }
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT && !isPrependedMark(codePoint)
                || (codePoint >= 0x1160 && codePoint <= 0x11FF)) {  // and Hangul's medial vowels, final consonants
            return 0;
        }
        return isWide(codePoint) ? 2 : 1;
    }

    /** Arabic's number signs and their kin: format characters that are drawn, before the digits they mark. */
    private static boolean isPrependedMark(int c) {
        return c >= 0x600 && c <= 0x605 || c == 0x6DD || c == 0x70F || c == 0x890 || c == 0x891 || c == 0x8E2
                || c == 0x110BD || c == 0x110CD;
    }

    private static boolean isWide(int c) {
        return c >= 0x1100 && c <= 0x115F                      // Hangul initial consonants
                || c == 0x2329 || c == 0x232A
                || c >= 0x2E80 && c <= 0xA4CF && c != 0x303F     // CJK radicals … Yi
                || c >= 0xAC00 && c <= 0xD7A3                    // Hangul syllables
                || c >= 0xF900 && c <= 0xFAFF                    // CJK compatibility ideographs
                || c >= 0xFE10 && c <= 0xFE19                    // vertical forms
                || c >= 0xFE30 && c <= 0xFE6F                    // CJK compatibility forms
                || c >= 0xFF00 && c <= 0xFF60                    // fullwidth forms
                || c >= 0xFFE0 && c <= 0xFFE6
                || c >= 0x20000 && c <= 0x2FFFD
                || c >= 0x30000 && c <= 0x3FFFD;
    }
}
