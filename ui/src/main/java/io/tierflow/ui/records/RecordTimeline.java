package io.tierflow.ui.records;

import static io.tierflow.ui.records.JsonMaps.map;
import static io.tierflow.ui.records.JsonMaps.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarkus.qute.TemplateData;
import io.tierflow.core.i18n.Messages;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.record.TierOverrideExpiry;
import io.tierflow.form.trigger.TriggerEngine;
import io.tierflow.form.trigger.TriggerRule;
import io.tierflow.ui.web.Times;

/**
 * A record's changes as the record page's timeline shows them, newest first: who did what and when, and
 * which fields went from what to what, by label and as each type displays its values. Made from the audit
 * entries of {@code RecordHistory}, which has already left out the fields the viewer may not see.
 *
 * @param older how many earlier entries are left out: a record re-tiered in bulk again and again has a long
 *              history, and the page stays readable with the latest {@link #SHOWN}
 */
@TemplateData
public record RecordTimeline(List<Entry> entries, int older) {

    static final int SHOWN = 50;

    /**
     * The audited actions the timeline names, by the kind that styles them: the record's own, and the
     * approval decisions flow-engine files under the record.
     */
    private static final Map<String, String> KINDS = Map.of("record.create", "create", "record.update", "update",
            "record.delete", "delete", "record.restore", "restore", "task.approved", "approved", "task.rejected", "rejected");
    /** Causes worth saying; "create" and "update" are what the action already says. */
    private static final Set<String> CAUSES = Set.of("bulk", "schema", "record.update");
    /** The audit trail records tier changes under this key, beside the fields. */
    private static final String TIER = "tier";
    /** The rest of the tier state it records beside the fields (TierState.changes), by the label's message code. */
    private static final Map<String, String> STATE = Map.of("stage", "ui.records.stage", "tags", "ui.records.tags",
            "tierOverride", "ui.records.override");

    /**
     * @param kind     create, update, delete, restore, approved, rejected (the entry's dot), or other
     * @param changes  the fields set (on create, {@code from} is null) or changed
     * @param note     what the approver wrote with a decision, or null
     * @param tierFrom the tier before, when the entry changed it (an update); null otherwise
     * @param tierTo   the tier after, when the entry set or changed it; null otherwise
     */
    @TemplateData
    public record Entry(String kind, String time, String actor, String action, String cause, List<Change> changes,
            TierBadge tierFrom, TierBadge tierTo, String note) {
    }

    /** One field's change; a null value is shown as "empty". */
    @TemplateData
    public record Change(String label, String from, String to) {
    }

    /**
     * @param changes {@code RecordHistory.History.changes()}, oldest first
     * @param noTier  the text of a missing tier, in the user's language
     */
    static RecordTimeline of(FormDefinition form, List<Map<String, Object>> changes, RecordFields fields, Locale locale,
            String noTier) {
        List<Entry> entries = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0 && entries.size() < SHOWN; i--) {
            entries.add(entry(form, changes.get(i), fields, locale, noTier));
        }
        return new RecordTimeline(entries, changes.size() - entries.size());
    }

    private static Entry entry(FormDefinition form, Map<String, Object> change, RecordFields fields, Locale locale, String noTier) {
        String action = text(change.get("action"));
        String kind = action == null ? null : KINDS.get(action);
        Map<String, Object> detail = map(change.get("detail"));
        List<Change> shown = new ArrayList<>();
        TierBadge from = null;
        TierBadge to = null;
        if ("create".equals(kind)) {
            for (Map.Entry<String, Object> v : inFormOrder(form, map(detail.get("values")))) {
                if (v.getValue() != null) {
                    shown.add(new Change(label(form, v.getKey()), null, display(form, v.getKey(), v.getValue(), fields)));
                }
            }
            to = tier(form, detail.get(TIER), noTier);
        } else {
            for (Map.Entry<String, Object> c : inFormOrder(form, map(detail.get("changes")))) {
                List<?> pair = c.getValue() instanceof List<?> l && l.size() == 2 ? l : null;
                if (pair == null) {
                    continue;
                }
                if (TIER.equals(c.getKey()) && form.field(TIER).isEmpty()) {
                    from = tier(form, pair.get(0), noTier);
                    to = tier(form, pair.get(1), noTier);
                } else if (STATE.containsKey(c.getKey()) && form.field(c.getKey()).isEmpty()) {
                    shown.add(new Change(Messages.text(locale, STATE.get(c.getKey())), state(locale, pair.get(0)), state(locale, pair.get(1))));
                } else {
                    shown.add(new Change(label(form, c.getKey()), display(form, c.getKey(), pair.get(0), fields),
                            display(form, c.getKey(), pair.get(1), fields)));
                }
            }
        }
        String note = text(detail.get("comment"));
        return new Entry(kind != null ? kind : "other", Times.format(text(change.get("at"))), actor(locale, change.get("actor")),
                kind != null ? Messages.text(locale, "ui.records.timeline." + kind) : action, cause(form, locale, detail.get("cause")),
                shown, from, to, note == null || note.isBlank() ? null : note.strip());
    }

    /**
     * The entries of a map by field key in the form's order, keys of no field (since deleted) last. The
     * audit trail is jsonb, which keeps its keys in an order of its own.
     */
    static List<Map.Entry<String, Object>> inFormOrder(FormDefinition form, Map<String, Object> byKey) {
        List<String> order = form.fields().stream().map(FieldDefinition::key).toList();
        List<Map.Entry<String, Object>> entries = new ArrayList<>(byKey.entrySet());
        entries.sort(Comparator.comparingInt(e -> {
            int i = order.indexOf(e.getKey());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        return entries;
    }

    /** Who did it; the platform itself (a process writing its outcome back) has no name. */
    static String actor(Locale locale, Object name) {
        return name == null ? Messages.text(locale, "ui.records.timeline.system") : name.toString();
    }

    /** Why it happened, when that adds to the action: a bulk edit, a schema change, an approval's outcome. */
    static String cause(Locale locale, Object cause) {
        String code = text(cause);
        return code != null && CAUSES.contains(code) ? Messages.text(locale, "ui.records.cause." + code) : null;
    }

    /** Besides {@link #cause(Locale, Object)}: the trigger that wrote (by its name), and an override running out. */
    static String cause(FormDefinition form, Locale locale, Object cause) {
        String code = text(cause);
        if (code != null && code.startsWith(TriggerEngine.CAUSE_PREFIX)) {
            // trigger:<rule id>:<depth>
            String id = code.substring(TriggerEngine.CAUSE_PREFIX.length()).split(":", 2)[0];
            String name = form.triggers().stream().filter(t -> id.equals(t.id())).map(TriggerRule::name)
                    .filter(n -> n != null && !n.isBlank()).findFirst().orElse(id);
            return Messages.text(locale, "ui.records.cause.trigger", name);
        }
        if (TierOverrideExpiry.CAUSE.equals(code)) {
            return Messages.text(locale, "ui.records.cause.override-ended");
        }
        return cause(locale, cause);
    }

    /** Stage and tags as read; an override ("B → 2026-12-23T…Z") as its tier and last day. */
    private static String state(Locale locale, Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : String.join("、", list.stream().map(String::valueOf).toList());
        }
        String t = text(value);
        int arrow = t == null ? -1 : t.indexOf(" → ");
        if (arrow > 0) {
            java.time.Instant until = Times.parse(t.substring(arrow + 3));
            if (until != null) {
                return Messages.text(locale, "ui.records.override.value", t.substring(0, arrow),
                        until.atZone(java.time.ZoneId.systemDefault()).toLocalDate().toString());
            }
        }
        return t;
    }

    /** A field's label; a field deleted since keeps its key. */
    static String label(FormDefinition form, String key) {
        return form.field(key).map(FieldDefinition::label).orElse(key);
    }

    static String display(FormDefinition form, String key, Object value, RecordFields fields) {
        Optional<FieldDefinition> field = form.field(key);
        return field.isPresent() ? fields.displayJson(field.get(), value) : text(value);
    }

    /** The audit trail writes a missing tier as "null". */
    private static TierBadge tier(FormDefinition form, Object tier, String noTier) {
        String t = text(tier);
        return TierBadge.of(form, t == null || "null".equals(t) ? null : t, noTier);
    }
}
