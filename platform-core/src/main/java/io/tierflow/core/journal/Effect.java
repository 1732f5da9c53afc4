package io.tierflow.core.journal;

import java.util.Map;

/** One entry of the effects journal, as a consumer sees it after claiming it. */
public record Effect(long id, String kind, String dedupeKey, Map<String, Object> payload, int attempts) {

    public String text(String key) {
        Object v = payload.get(key);
        return v == null ? null : v.toString();
    }

    public long number(String key) {
        Object v = payload.get(key);
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v == null) {
            throw new IllegalStateException("effect " + id + " has no " + key);
        }
        return Long.parseLong(v.toString());
    }
}
