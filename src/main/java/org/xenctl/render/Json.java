package org.xenctl.render;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

/**
 * The one JSON writer: records as objects whose fields are their components in declaration order, named in
 * snake_case; maps as objects, lists as arrays, {@link JsonShaped} values as what they say. Written with
 * jackson-core's streaming generator: databind's introspection and serializer set-up cost a short command about as
 * much as all its other work (docs/performance.md), and views are plain records that need none of it.
 */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

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
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            if (pretty) {
                generator.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            value(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
        return text.toString();
    }

    private static void value(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof JsonShaped shaped) {
            value(out, shaped.json());
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            out.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal decimal) {
            out.writeNumber(decimal);
        } else if (value instanceof BigInteger integer) {
            out.writeNumber(integer);
        } else if (value instanceof Enum<?> constant) {
            out.writeString(constant.name());
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName(String.valueOf(entry.getKey()));
                value(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Iterable<?> items) {
            out.writeStartArray();
            for (Object item : items) {
                value(out, item);
            }
            out.writeEndArray();
        } else if (value instanceof Record record) {
            record(out, record);
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    private static void record(JsonGenerator out, Record record) throws IOException {
        out.writeStartObject();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            out.writeFieldName(snakeCase(component.getName()));
            value(out, read(component.getAccessor(), record));
        }
        out.writeEndObject();
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
