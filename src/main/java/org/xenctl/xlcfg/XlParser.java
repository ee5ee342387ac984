package org.xenctl.xlcfg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.xenctl.xlcfg.Token.Kind;

/**
 * Parses xl.cfg with libxlutil's grammar: statements {@code key = value} or {@code key += value} ended by a newline
 * or {@code ;}, values that are strings, numbers or (nested, multi-line, trailing-comma) lists. Like xl it goes on
 * after an error, so that one run reports every bad line; unlike xl it says what it expected.
 */
public final class XlParser {
    private final String source;
    /** Lists nested deeper than this are refused: no configuration nests more than two, and recursion is bounded. */
    static final int MAX_NESTING = 64;

    private final List<XlProblem> problems;
    private List<Token> tokens;
    private int next;
    private int depth;

    private XlParser(String source, List<XlProblem> problems) {
        this.source = source;
        this.problems = problems;
    }

    /**
     * Parses a file, then each of {@code overrides} as a line appended to it (xl create's KEY=VALUE arguments, so the
     * last one wins). Throws {@link XlConfigException} with every error if there is one.
     *
     * @param source the file's name for messages
     */
    public static XlConfig parse(String text, String source, List<String> overrides) {
        List<XlProblem> problems = new ArrayList<>();
        List<XlSetting> settings = new XlParser(source, problems).settings(text);
        for (int i = 0; i < overrides.size(); i++) {
            settings.addAll(new XlParser("argument '" + overrides.get(i) + "'", problems).settings(overrides.get(i)));
        }
        XlConfig config = XlConfig.resolve(source, settings, problems);
        if (problems.stream().anyMatch(XlProblem::isError)) {
            throw new XlConfigException(problems);
        }
        return config;
    }

    private List<XlSetting> settings(String text) {
        int before = problems.size();
        tokens = new XlLexer(text, source, problems).tokens();
        int lexicalErrors = problems.size() - before;
        next = 0;
        List<XlSetting> settings = new ArrayList<>();
        while (peek().kind() != Kind.END) {
            Kind kind = peek().kind();
            if (kind == Kind.NEWLINE || kind == Kind.SEMICOLON) {
                next++;
                continue;
            }
            int start = next;
            try {
                settings.add(statement());
            } catch (SyntaxError e) {
                boolean followsLexicalError = lexicalErrors > 0 && containsInvalid(start, next + 1);
                recover();
                if (!followsLexicalError) {
                    problems.add(XlProblem.error(source, e.position, e.getMessage(), e.hint));
                }
            }
        }
        problems.subList(before, problems.size()).sort(Comparator.comparingInt((XlProblem p) -> p.position().line())
                .thenComparingInt(p -> p.position().column()));
        return settings;
    }

    private XlSetting statement() {
        Token key = peek();
        if (key.kind() != Kind.IDENT) {
            throw new SyntaxError(key.position(), "expected a key at the start of a setting, but found "
                    + key.describe(), key.kind() == Kind.STRING ? "keys are not quoted: write name = \"value\"" : null);
        }
        next++;
        Token operator = peek();
        if (operator.kind() != Kind.ASSIGN && operator.kind() != Kind.APPEND) {
            throw new SyntaxError(operator.position(), "expected '=' or '+=' after '" + key.text() + "', but found "
                    + operator.describe(), null);
        }
        next++;
        XlValue value = value("'" + operator.text() + "'");
        Token end = peek();
        if (end.kind() != Kind.NEWLINE && end.kind() != Kind.SEMICOLON && end.kind() != Kind.END) {
            throw new SyntaxError(end.position(), "expected the end of the line or ';' after the value of '"
                    + key.text() + "', but found " + end.describe(),
                    end.kind() == Kind.STRING || end.kind() == Kind.NUMBER
                            ? "a list is written [\"a\", \"b\"]: separate its items with commas" : null);
        }
        return new XlSetting(key.text(), value, operator.kind() == Kind.APPEND, source, key.position());
    }

    private XlValue value(String after) {
        Token token = peek();
        switch (token.kind()) {
            case STRING:
                next++;
                return new XlValue.Text(token.text(), token.position());
            case NUMBER:
                next++;
                return new XlValue.Number(token.text(), token.position());
            case OPEN:
                next++;
                if (depth >= MAX_NESTING) {
                    throw new SyntaxError(token.position(), "lists nested more than " + MAX_NESTING + " deep",
                            "xl.cfg values are strings, numbers or lists of them (a list in a list at most)");
                }
                depth++;
                try {
                    return list(token.position());
                } finally {
                    depth--;
                }
            case IDENT:
                throw new SyntaxError(token.position(), "expected a value after " + after + ", but found the bare word '"
                        + token.text() + "'", "quote strings: \"" + token.text() + "\"");
            default:
                throw new SyntaxError(token.position(), "expected a value (a \"string\", a number or a [list]) after "
                        + after + ", but found " + token.describe(), null);
        }
    }

    private XlValue.Items list(Position open) {
        List<XlValue> items = new ArrayList<>();
        skipNewlines();
        while (peek().kind() != Kind.CLOSE) {
            if (peek().kind() == Kind.END) {
                throw new SyntaxError(peek().position(), "the list opened at " + open + " is not closed",
                        "end it with ']'");
            }
            items.add(value(items.isEmpty() ? "'['" : "','"));
            skipNewlines();
            Token separator = peek();
            if (separator.kind() == Kind.COMMA) {
                next++;
                skipNewlines();
            } else if (separator.kind() != Kind.CLOSE) {
                throw new SyntaxError(separator.position(), "expected ',' or ']' in the list opened at " + open
                        + ", but found " + separator.describe(),
                        separator.kind() == Kind.END ? "end it with ']'" : "separate list items with commas");
            }
        }
        next++;
        return new XlValue.Items(items, open);
    }

    private void skipNewlines() {
        while (peek().kind() == Kind.NEWLINE) {
            next++;
        }
    }

    /** Skips to the start of the next line that begins a setting, so that one mistake gives one error. */
    private void recover() {
        while (peek().kind() != Kind.END) {
            Token token = tokens.get(next++);
            if ((token.kind() == Kind.NEWLINE || token.kind() == Kind.SEMICOLON) && startsSetting()) {
                return;
            }
        }
    }

    private boolean startsSetting() {
        return peek().kind() == Kind.END || (peek().kind() == Kind.IDENT && next + 1 < tokens.size()
                && (tokens.get(next + 1).kind() == Kind.ASSIGN || tokens.get(next + 1).kind() == Kind.APPEND));
    }

    private boolean containsInvalid(int from, int to) {
        for (int i = from; i < to; i++) {
            if (tokens.get(i).kind() == Kind.INVALID) {
                return true;
            }
        }
        return false;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private static final class SyntaxError extends RuntimeException {
        final transient Position position;
        final String hint;

        SyntaxError(Position position, String message, String hint) {
            super(message, null, false, false);
            this.position = position;
            this.hint = hint;
        }
    }
}
