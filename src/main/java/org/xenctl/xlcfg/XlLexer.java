package org.xenctl.xlcfg;

import static org.xenctl.xlcfg.PastedCharacters.PASTED;
import static org.xenctl.xlcfg.PastedCharacters.TYPOGRAPHIC_QUOTES;
import static org.xenctl.xlcfg.PastedCharacters.firstBlankOrNothing;
import static org.xenctl.xlcfg.PastedCharacters.fix;
import static org.xenctl.xlcfg.PastedCharacters.looksLikeBlankOrNothing;
import static org.xenctl.xlcfg.PastedCharacters.named;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.xlcfg.Token.Kind;

/**
 * Splits an xl.cfg file into tokens with the rules of libxlutil's lexer: lowercase identifiers, numbers as
 * {@code [0-9][0-9a-fx]*}, single- or double-quoted strings on one line with C escapes, {@code #} comments. A
 * character that cannot start a token becomes an INVALID token and a problem; the parser skips its statement.
 */
final class XlLexer {
    static final String PYTHON_HINT = "xl.cfg is not Python: quote strings and paths (kernel = \"/boot/vmlinuz\"), "
            + "write sizes in MB as plain numbers (memory = 512); see https://wiki.xen.org/wiki/PythonInXlConfig";

    private final String text;
    private final String source;
    private final List<XlProblem> problems;
    private int offset;
    private int line = 1;
    private int lineStart;
    private boolean pythonHintGiven;

    XlLexer(String text, String source, List<XlProblem> problems) {
        this.text = text;
        this.source = source;
        this.problems = problems;
    }

    List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = next();
            tokens.add(token);
        } while (token.kind() != Kind.END);
        return tokens;
    }

    private Token next() {
        skipBlanksAndComment();
        Position at = position();
        if (offset >= text.length()) {
            return new Token(Kind.END, "", at);
        }
        char c = text.charAt(offset);
        if (c == '\n' || (c == '\r' && peek(1) == '\n')) {
            offset += c == '\r' ? 2 : 1;
            line++;
            lineStart = offset;
            return new Token(Kind.NEWLINE, "\n", at);
        }
        if (c >= 'a' && c <= 'z') {
            return new Token(Kind.IDENT, take(XlLexer::isIdentPart), at);
        }
        if (c >= '0' && c <= '9') {
            int start = offset;
            String number = take(XlLexer::isNumberPart);
            if (offset < text.length() && " \t\r\n,;]#".indexOf(text.charAt(offset)) < 0) {
                offset = start;
                return badNumber(at);
            }
            return new Token(Kind.NUMBER, number, at);
        }
        if (c == '"' || c == '\'') {
            return string(c, at);
        }
        if (c == '+' && peek(1) == '=') {
            offset += 2;
            return new Token(Kind.APPEND, "+=", at);
        }
        Kind punctuation = switch (c) {
            case ',' -> Kind.COMMA;
            case '[' -> Kind.OPEN;
            case ']' -> Kind.CLOSE;
            case '=' -> Kind.ASSIGN;
            case ';' -> Kind.SEMICOLON;
            default -> null;
        };
        if (punctuation != null) {
            offset++;
            return new Token(punctuation, String.valueOf(c), at);
        }
        return invalid(at);
    }

    private Token invalid(Position at) {
        int start = offset;
        offset++;  // at least the character that cannot start a token (a lone '\r' is one of the stops below)
        while (offset < text.length() && " \t\r\n,;[]=".indexOf(text.charAt(offset)) < 0) {
            offset++;
        }
        String word = text.substring(start, offset);
        char c = word.charAt(0);
        if ("+-.():".indexOf(c) >= 0 || word.matches("[0-9a-z_.]*[+\\-.():/].*")) {
            error(at, "unquoted '" + word + "' is not valid xl.cfg syntax", pythonHintGiven ? null : PYTHON_HINT);
            pythonHintGiven = true;
        } else if (c >= 'A' && c <= 'Z' && word.matches("[A-Za-z][A-Za-z0-9_.]*")) {
            error(at, "'" + word + "': keys are lowercase in xl.cfg", "write " + word.toLowerCase());
        } else if (c == '\r') {
            error(at, "carriage return without a newline", "convert the file's line endings with dos2unix");
        } else if (c == '\uFEFF' && start == 0) {
            error(at, "the file starts with a byte order mark (U+FEFF), which xl cannot read either",
                    "save it as UTF-8 without one: sed -i '1s/^\\xEF\\xBB\\xBF//' FILE");
        } else if (TYPOGRAPHIC_QUOTES.indexOf(c) >= 0) {
            error(at, "typographic quote " + named(word.codePointAt(0)) + ": xl.cfg strings are quoted with \" or '",
                    "replace it with a straight quote" + PASTED);
        } else if (looksLikeBlankOrNothing(word.codePointAt(0))) {
            error(at, named(word.codePointAt(0)) + whatItLooksLike(word.codePointAt(0)), fix(word.codePointAt(0)));
        } else {
            error(at, "unexpected character " + named(word.codePointAt(0)), "quote values that are not plain numbers");
        }
        return new Token(Kind.INVALID, word, at);
    }

    /** PastedCharacters' words, with xl.cfg's own blanks. */
    private static String whatItLooksLike(int codePoint) {
        return PastedCharacters.whatItLooksLike(codePoint)
                + (Character.isSpaceChar(codePoint) ? ": xl.cfg's blanks are spaces and tabs only" : "");
    }

    private Token badNumber(Position at) {
        int start = offset;
        while (offset < text.length() && " \t\r\n,;[]=#".indexOf(text.charAt(offset)) < 0) {
            offset++;
        }
        String word = text.substring(start, offset);
        int hidden = firstBlankOrNothing(word);
        if (hidden >= 0) {
            int codePoint = word.codePointAt(hidden);
            error(at.shifted(hidden), named(codePoint) + " after '" + word.substring(0, hidden) + "'"
                    + whatItLooksLike(codePoint), fix(codePoint));
        } else {
            error(at, "'" + word + "' is not a number", "numbers are plain integers (decimal, 0x hex, or octal with "
                    + "a leading 0) and sizes are in MB: write memory = 512, not 512M; quote anything else");
        }
        return new Token(Kind.INVALID, word, at);
    }

    private Token string(char quote, Position at) {
        StringBuilder value = new StringBuilder();
        Position unwritable = null;
        char unwritableChar = 0;
        offset++;
        while (true) {
            if (offset >= text.length() || text.charAt(offset) == '\n') {
                error(at, "unterminated string: the closing " + quote + " is missing on this line",
                        "strings cannot span lines; close it with " + quote);
                return new Token(Kind.INVALID, value.toString(), at);
            }
            char c = text.charAt(offset);
            if (c == quote) {
                offset++;
                if (unwritable != null) {
                    error(unwritable, String.format("control character \\x%02x in a string: libvirt's XML cannot "
                            + "carry it", (int) unwritableChar), "remove it (xl would pass it on to libxl as it is)");
                    return new Token(Kind.INVALID, value.toString(), at);
                }
                return new Token(Kind.STRING, value.toString(), at);
            }
            if (unwritable == null && !writable(c)) {
                unwritable = position();
                unwritableChar = c;
            }
            if (c == '\\') {
                Position escapeAt = position();
                char escaped = peek(1);
                Character decoded = unescape(escaped);
                if (decoded == null) {
                    error(escapeAt, "invalid escape '\\" + printable(escaped) + "' in a string",
                            "xl understands \\\" \\' \\\\ \\a \\b \\f \\n \\r \\t \\v only (its \\x and octal "
                                    + "escapes do not work); write the character itself");
                    offset += escaped == '\n' || escaped == 0 ? 1 : 2;
                    continue;
                }
                if (unwritable == null && !writable(decoded)) {
                    unwritable = escapeAt;
                    unwritableChar = decoded;
                }
                value.append(decoded);
                offset += 2;
                continue;
            }
            value.append(c);
            offset++;
        }
    }

    /**
     * Whether XML 1.0 can hold the character, so that a value can reach libvirt: not the C0 controls but tab, newline
     * and carriage return, nor U+FFFE/U+FFFF. (Surrogates come in pairs from a decoded file.)
     */
    static boolean writable(char c) {
        return (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && c != 0xFFFE && c != 0xFFFF;
    }

    private static Character unescape(char c) {
        return switch (c) {
            case '"' -> '"';
            case '\'' -> '\'';
            case '\\' -> '\\';
            case 'a' -> (char) 7;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> (char) 11;
            default -> null;
        };
    }

    private void skipBlanksAndComment() {
        while (offset < text.length() && (text.charAt(offset) == ' ' || text.charAt(offset) == '\t')) {
            offset++;
        }
        if (offset < text.length() && text.charAt(offset) == '#') {
            while (offset < text.length() && text.charAt(offset) != '\n'
                    && !(text.charAt(offset) == '\r' && peek(1) == '\n')) {
                offset++;
            }
        }
    }

    private String take(java.util.function.IntPredicate part) {
        int start = offset;
        offset++;
        while (offset < text.length() && part.test(text.charAt(offset))) {
            offset++;
        }
        return text.substring(start, offset);
    }

    private static boolean isIdentPart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    }

    private static boolean isNumberPart(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == 'x';
    }

    private char peek(int ahead) {
        int at = offset + ahead;
        return at < text.length() ? text.charAt(at) : 0;
    }

    private Position position() {
        return new Position(line, offset - lineStart + 1);
    }

    private void error(Position at, String message, String hint) {
        problems.add(XlProblem.error(source, at, message, hint));
    }

    private static String printable(char c) {
        return c == 0 ? "end of file" : c < ' ' ? String.format("\\x%02x", (int) c) : String.valueOf(c);
    }
}
