package io.tierflow.ui.records;

import java.util.List;
import java.util.Map;

/**
 * Reading the loosely typed maps that history services hand out (Flowable's process history, the audit
 * trail, tier explanations): a missing or differently shaped part reads as empty, never as an error, so
 * an old entry written by an earlier version still shows.
 */
final class JsonMaps {

    private JsonMaps() {
    }

    static String text(Object o) {
        return o == null ? null : o.toString();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return o instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<String> strings(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
