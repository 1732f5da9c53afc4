package io.tierflow.form.trigger;

import java.util.List;
import java.util.Map;

/**
 * A trigger rule of a form: when it fires ({@code create}, {@code update}, {@code create_or_update} or
 * {@code tier_changed}), optionally only when one of {@code fields} really changed, only if {@code condition} (a
 * formula over the record) holds, and what it does: {@code actions}, each {@code {"type": …, …params}}.
 */
public record TriggerRule(String id, String name, String when, List<String> fields, String condition,
        List<Map<String, Object>> actions) {

    public static final List<String> EVENTS = List.of("create", "update", "create_or_update", "tier_changed");

    public TriggerRule {
        fields = fields == null ? List.of() : List.copyOf(fields);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
