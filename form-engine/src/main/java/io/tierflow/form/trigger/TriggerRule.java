package io.tierflow.form.trigger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A trigger rule of a form: when it fires ({@code create}, {@code update}, {@code create_or_update},
 * {@code tier_changed}, or {@code schedule} on the {@code cron} schedule), optionally only when one of
 * {@code fields} really changed, only if {@code condition} (a formula over the record) holds, and, on a schedule,
 * only if the {@code window} over a child form holds; and what it does: {@code actions}, each
 * {@code {"type": …, …params}}. A scheduled rule fires for a record when its condition starts to hold, not again
 * while it keeps holding.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggerRule(String id, String name, String when, List<String> fields, String condition,
        List<Map<String, Object>> actions, String cron, TimeWindow window) {

    public static final String SCHEDULE = "schedule";
    public static final List<String> EVENTS = List.of("create", "update", "create_or_update", "tier_changed", SCHEDULE);

    @JsonCreator
    public TriggerRule {
        fields = fields == null ? List.of() : List.copyOf(fields);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public TriggerRule(String id, String name, String when, List<String> fields, String condition,
            List<Map<String, Object>> actions) {
        this(id, name, when, fields, condition, actions, null, null);
    }
}
