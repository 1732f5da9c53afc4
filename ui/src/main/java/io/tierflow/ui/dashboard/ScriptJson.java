package io.tierflow.ui.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.RawString;

/**
 * Data for a {@code <script type="application/json">} element, which the page's script reads with
 * JSON.parse. Form names and labels are user text: {@code <}, {@code >} and {@code &} become JSON
 * escapes, so no value can close the element ({@code </script>}) or open a comment. They only occur
 * inside JSON strings, where the escapes mean the same characters.
 */
final class ScriptJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScriptJson() {
    }

    static RawString of(Object data) {
        try {
            String json = JSON.writeValueAsString(data);
            return new RawString(json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data is not serialisable", e);
        }
    }
}
