package org.xenctl.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import org.junit.jupiter.api.Test;

/**
 * xenctl's JSON text against jackson-core's streaming generator, which wrote it until xenctl stopped loading Jackson
 * at run time: the same characters, pretty and compact, for random values of every kind a view holds (nested
 * objects and arrays, empty ones, strings of every class of character, numbers at their edges). Jackson is told to
 * escape DEL and the C1 controls as well, as xenctl does so that JSON read on a terminal stays inert.
 */
class JsonTextTest {
    private static final JsonFactory JACKSON = new JsonFactory().setCharacterEscapes(new TerminalSafeEscapes());

    /** Jackson's standard escapes, and the six-character escape for DEL and for U+0080 to U+009F. */
    private static final class TerminalSafeEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        TerminalSafeEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch >= 0x80 && ch <= 0x9f ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }

    @Test
    void random_values_are_written_as_jacksons_generator_writes_them() throws IOException {
        Random random = new Random(20261206);
        for (int i = 0; i < 3000; i++) {
            Object value = value(random, 0);
            assertThat(Json.pretty(value)).as("pretty #%d", i).isEqualTo(jackson(value, true));
            assertThat(Json.line(value)).as("line #%d", i).isEqualTo(jackson(value, false));
        }
    }

    @Test
    void strings_escape_the_quote_the_backslash_and_control_characters_only() throws IOException {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x300; c++) {
            every.append(c);
        }
        every.append("\u2028\u2029\ud83d\ude00\ud800 lone high, lone low \udc00 \ufffe\uffff");
        String text = every.toString();

        assertThat(Json.line(text)).isEqualTo(jackson(text, false));
        assertThat(Json.line("a\"b\\c\n\u0001/")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001/\"");
        assertThat(Json.line("\u007f\u0080\u009b\u00a0é")).isEqualTo("\"\\u007F\\u0080\\u009B\u00a0é\"");
    }

    @Test
    void numbers_at_their_edges_and_the_non_finite_ones() throws IOException {
        List<Object> numbers = List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE, (short) 7, (byte) -8,
                0.0, -0.0, 1.0, 0.1, 1e-300, 1e300, Double.MIN_VALUE, Double.MAX_VALUE, 123456789.125, 1e7, 1e-3,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1f, Float.MAX_VALUE, Float.NaN,
                new BigDecimal("1.50"), new BigDecimal("1E+3"), new BigDecimal("-0.000001"),
                new BigInteger("123456789012345678901234567890"));

        assertThat(Json.pretty(numbers)).isEqualTo(jackson(numbers, true));
        assertThat(Json.line(numbers)).isEqualTo(jackson(numbers, false));
    }

    @Test
    void empty_and_nested_containers() throws IOException {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("empty_object", Map.of());
        nested.put("empty_array", List.of());
        nested.put("arrays", List.of(List.of(), List.of(List.of(Map.of())), List.of(1L, Map.of("a", List.of()))));
        nested.put("objects", Map.of("inner", Map.of("deeper", Map.of("deepest", true))));

        assertThat(Json.pretty(nested)).isEqualTo(jackson(nested, true));
        assertThat(Json.line(nested)).isEqualTo(jackson(nested, false));
        assertThat(Json.pretty(Map.of())).isEqualTo("{ }");
        assertThat(Json.pretty(List.of())).isEqualTo("[ ]");
    }

    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 7 : 10);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextLong() >> random.nextInt(64);
            case 3 -> edgeDouble(random);
            case 4, 5 -> string(random);
            case 6 -> new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(40) - 20);
            case 7, 8 -> {
                Map<String, Object> object = new LinkedHashMap<>();
                int fields = random.nextInt(5);
                for (int i = 0; i < fields; i++) {
                    object.put(string(random), value(random, depth + 1));
                }
                yield object;
            }
            default -> {
                List<Object> array = new ArrayList<>();
                int items = random.nextInt(5);
                for (int i = 0; i < items; i++) {
                    array.add(value(random, depth + 1));
                }
                yield array;
            }
        };
    }

    private static double edgeDouble(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> random.nextInt(1_000_000) / 1000.0;
            case 2 -> (double) random.nextInt();
            case 3 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            default -> List.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, Double.MIN_NORMAL).get(random.nextInt(4));
        };
    }

    /** Up to 12 characters: ASCII, control characters, the quote and backslash, Latin-1, other BMP, surrogates. */
    private static String string(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(13);
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(6)) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> "\"\\/".charAt(random.nextInt(3));
                case 2 -> (char) (0x80 + random.nextInt(0x80));
                case 3 -> (char) random.nextInt(0x10000);
                default -> (char) (0x20 + random.nextInt(0x5f));
            });
        }
        return text.toString();
    }

    /** The tree written by Jackson's generator, as render.Json wrote it with jackson-core. */
    private static String jackson(Object value, boolean pretty) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JACKSON.createGenerator(text)) {
            if (pretty) {
                generator.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            write(generator, value);
        }
        return text.toString();
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
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
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName(String.valueOf(entry.getKey()));
                write(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Iterable<?> items) {
            out.writeStartArray();
            for (Object item : items) {
                write(out, item);
            }
            out.writeEndArray();
        } else {
            throw new IllegalArgumentException(value.getClass().getName());
        }
    }
}
