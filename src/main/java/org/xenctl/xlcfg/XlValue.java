package org.xenctl.xlcfg;

import java.util.List;

/**
 * A value as written in an xl.cfg file: a quoted string, a bare number or a list. xl itself keeps every atom as a
 * string; the distinction is kept here so that `config show` can say what was written.
 */
public sealed interface XlValue {
    Position position();

    /** "string", "number" or "list", as messages and `config show` name the value's type. */
    default String typeName() {
        if (this instanceof Items) {
            return "list";
        }
        return this instanceof Number ? "number" : "string";
    }

    /** The value as xl sees it: the text of a string or number, or null for a list. */
    default String atom() {
        return null;
    }

    record Text(String value, Position position) implements XlValue {
        @Override
        public String atom() {
            return value;
        }
    }

    record Number(String literal, Position position) implements XlValue {
        @Override
        public String atom() {
            return literal;
        }
    }

    record Items(List<XlValue> items, Position position) implements XlValue {
        public Items {
            items = List.copyOf(items);
        }
    }
}
