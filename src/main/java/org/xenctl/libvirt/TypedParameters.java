package org.xenctl.libvirt;

import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * Reads an array of virTypedParameter: {@code char field[80]; int type; union value} (96 bytes on LP64), by
 * offset, into field name → Long/Double/Boolean/String.
 */
final class TypedParameters {
    private static final int FIELD_LENGTH = 80;
    private static final int TYPE_OFFSET = 80;
    private static final int VALUE_OFFSET = 88;
    static final int SIZE = 96;

    private TypedParameters() {
    }

    static Map<String, Object> read(Pointer params, int count) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Pointer param = params.share((long) i * SIZE);
            String field = nulTerminated(param);
            values.put(field, value(param));
        }
        return values;
    }

    /** An array of UINT parameters for a setter call, in the order given. */
    static Memory uints(Map<String, Integer> values) {
        Memory params = new Memory((long) Math.max(1, values.size()) * SIZE);
        params.clear();
        int i = 0;
        for (Map.Entry<String, Integer> entry : values.entrySet()) {
            Pointer param = params.share((long) i++ * SIZE);
            byte[] field = entry.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            param.write(0, field, 0, Math.min(field.length, FIELD_LENGTH - 1));
            param.setInt(TYPE_OFFSET, 2);
            param.setInt(VALUE_OFFSET, entry.getValue());
        }
        return params;
    }

    private static String nulTerminated(Pointer param) {
        byte[] bytes = param.getByteArray(0, FIELD_LENGTH);
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Object value(Pointer param) {
        int type = param.getInt(TYPE_OFFSET);
        return switch (type) {
            case 1 -> (long) param.getInt(VALUE_OFFSET);                      // INT
            case 2 -> Integer.toUnsignedLong(param.getInt(VALUE_OFFSET));     // UINT
            case 3, 4 -> param.getLong(VALUE_OFFSET);                        // LLONG, ULLONG
            case 5 -> param.getDouble(VALUE_OFFSET);                         // DOUBLE
            case 6 -> param.getInt(VALUE_OFFSET) != 0;                       // BOOLEAN (an int)
            case 7 -> {                                                     // STRING
                Pointer text = param.getPointer(VALUE_OFFSET);
                yield text == null ? null : text.getString(0);
            }
            default -> null;
        };
    }
}
