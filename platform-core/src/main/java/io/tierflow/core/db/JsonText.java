package io.tierflow.core.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON text to and from the jsonb columns ({@link NativeSql#jsonParam}), for values the platform built itself
 * (maps, lists, definitions) and text the database produced: a failure here is a bug, not bad input, so it is
 * an unchecked exception rather than a problem for the user.
 */
public final class JsonText {

    private JsonText() {
    }

    /** {@code value} as JSON text; IllegalArgumentException for a value Jackson cannot write. */
    public static String write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The tree of JSON text read back from the database; IllegalStateException if it is not JSON. */
    public static JsonNode read(ObjectMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
