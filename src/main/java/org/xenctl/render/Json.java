package org.xenctl.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one JSON writer: records as objects whose fields are their components in declaration order, named in
 * snake_case; maps as objects, lists as arrays, {@link JsonShaped} values as what they say, into {@link JsonText}.
 * Not Jackson: databind's introspection and serializer set-up cost a short command about as much as all its other
 * work, and even jackson-core's streaming generator, with the symbol tables its factory builds for reading, cost
 * `list -o json` ~3 ms more than the text it replaces (docs/performance.md); views are plain records that need none
 * of it, and the text is Jackson's to the character (JsonTextTest).
 */
public final class Json {
    private Json() {
    }

    /** Indented as Jackson's default pretty printer does: what a command prints. */
    public static String pretty(Object value) {
        return write(value, true);
    }

    /** On one line: what a stream (events, batch) prints, one value per line. */
    public static String line(Object value) {
        return write(value, false);
    }

    private static String write(Object value, boolean pretty) {
        JsonText text = new JsonText(pretty);
        value(text, value);
        return text.text();
    }

    private static void value(JsonText out, Object value) {
        if (value == null) {
            out.nullValue();
        } else if (value instanceof JsonShaped shaped) {
            value(out, shaped.json());
        } else if (value instanceof String text) {
            out.string(text);
        } else if (value instanceof Boolean bool) {
            out.bool(bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            out.number(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            out.number(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            out.number(value.toString());
        } else if (value instanceof Enum<?> constant) {
            out.string(constant.name());
        } else if (value instanceof Map<?, ?> map) {
            out.startObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.name(String.valueOf(entry.getKey()));
                value(out, entry.getValue());
            }
            out.endObject();
        } else if (value instanceof Iterable<?> items) {
            out.startArray();
            for (Object item : items) {
                value(out, item);
            }
            out.endArray();
        } else if (value instanceof Record record) {
            record(out, record);
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    private static void record(JsonText out, Record record) {
        out.startObject();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            out.name(snakeCase(component.getName()));
            value(out, read(component.getAccessor(), record));
        }
        out.endObject();
    }

    /**
     * A record's fields as its JSON object has them, names in snake_case, in declaration order: for a view that
     * prints a record with a field of its own in front (stats over several hosts: the host).
     */
    public static Map<String, Object> fields(Record record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            fields.put(snakeCase(component.getName()), read(component.getAccessor(), record));
        }
        return fields;
    }

    private static Object read(Method accessor, Record record) {
        try {
            // Views nested in a package-private class (batch's line results) are records all the same.
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }

    /**
     * "exitStatus" → "exit_status", a run of capitals kept together ("pciId" → "pci_id", "ioURL" → "io_url"): Jackson's
     * SNAKE_CASE rule, so that the field names of docs/json.md did not change with the writer.
     */
    static String snakeCase(String name) {
        StringBuilder result = new StringBuilder(name.length() + 4);
        boolean inCapitals = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (!inCapitals && result.length() > 0 && result.charAt(result.length() - 1) != '_') {
                    result.append('_');
                }
                c = Character.toLowerCase(c);
                inCapitals = true;
            } else {
                inCapitals = false;
            }
            result.append(c);
        }
        return result.toString();
    }
}
