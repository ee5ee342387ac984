package org.xenctl.xlcfg;

/** A lexical token of xl.cfg; {@code text} is the decoded value for strings. */
record Token(Kind kind, String text, Position position) {

    enum Kind { IDENT, NUMBER, STRING, COMMA, OPEN, CLOSE, ASSIGN, APPEND, SEMICOLON, NEWLINE, INVALID, END }

    /** How a token is named in "expected … but found …" messages. */
    String describe() {
        return switch (kind) {
            case IDENT -> "'" + text + "'";
            case NUMBER -> "the number " + text;
            case STRING -> "a string";
            case COMMA -> "','";
            case OPEN -> "'['";
            case CLOSE -> "']'";
            case ASSIGN -> "'='";
            case APPEND -> "'+='";
            case SEMICOLON -> "';'";
            case NEWLINE -> "the end of the line";
            case INVALID -> "'" + text + "'";
            case END -> "the end of the file";
        };
    }
}
