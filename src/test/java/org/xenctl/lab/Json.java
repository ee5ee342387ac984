package org.xenctl.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** xenctl's -o json answers, read. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode of(Run run) {
        run.expectSuccess();
        return whatever(run);
    }

    /** The JSON a run printed on stdout, whatever its exit status (a result that also reports a failure). */
    static JsonNode whatever(Run run) {
        try {
            return MAPPER.readTree(run.out());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + run.describe(), e);
        }
    }
}
