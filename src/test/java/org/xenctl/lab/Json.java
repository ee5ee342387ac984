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
        try {
            return MAPPER.readTree(run.out());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + run.describe(), e);
        }
    }
}
