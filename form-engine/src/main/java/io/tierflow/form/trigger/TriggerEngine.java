package io.tierflow.form.trigger;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.record.RecordWriter;
import io.tierflow.form.record.StoredRecord;
import io.tierflow.form.schema.CompiledForm;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.rule.formula.FormulaEvaluationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Runs a form's trigger rules after a record write, in its transaction: picks the rules whose event matches
 * (and whose watched fields really changed), checks their conditions, writes their actions' effects and the
 * rule log. A rule is not fired again by the write it caused, and cascades of trigger writes stop at
 * {@link #MAX_DEPTH}.
 */
@ApplicationScoped
public class TriggerEngine {

    public static final String CAUSE_PREFIX = "trigger:";
    static final int MAX_DEPTH = 5;

    private final Map<String, TriggerAction> actions = new HashMap<>();

    @Inject
    FieldTypes types;

    @Inject
    io.tierflow.form.record.LinkedRecords linked;

    @Inject
    io.tierflow.form.record.RecordRows rows;

    @Inject
    public TriggerEngine(Instance<TriggerAction> all) {
        all.forEach(a -> actions.put(a.type(), a));
    }

    public TriggerAction action(String type) {
        return actions.get(type);
    }

    public Set<String> actionTypes() {
        return actions.keySet();
    }

    /**
     * @param before  null on create
     * @param changed the keys of the fields whose values changed (all non-empty ones on create)
     */
    public Uni<Void> fire(Mutiny.Session session, CompiledForm form, StoredRecord before, StoredRecord after,
            Set<String> changed, String cause) {
        if (form.triggers().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String causeRule = null;
        int depth = 0;
        if (cause != null && cause.startsWith(CAUSE_PREFIX)) {
            String[] parts = cause.substring(CAUSE_PREFIX.length()).split(":");
            causeRule = parts[0];
            depth = parts.length > 1 ? Integer.parseInt(parts[1]) : MAX_DEPTH;
        }
        if (depth >= MAX_DEPTH) {
            return Uni.createFrom().voidItem();
        }
        boolean created = before == null;
        boolean tierChanged = !created && !java.util.Objects.equals(before.tier(), after.tier());
        FormDefinition def = form.definition();
        Map<Long, Object> inputs = new HashMap<>();
        def.fields().forEach(f -> inputs.put(f.id(), types.get(f.type()).formulaValue(f, after.values().get(f.id()))));
        int cascade = depth;
        String ownRule = causeRule;
        return linked.load(session, def, form.triggerLinks(), after.values(), after.id()).chain(related -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (CompiledForm.Trigger t : form.triggers()) {
                TriggerRule rule = t.rule();
                String event = event(rule.when(), created, tierChanged, changed);
                if (event == null || rule.id().equals(ownRule)
                        || (!rule.fields().isEmpty() && rule.fields().stream().noneMatch(changed::contains))) {
                    continue;
                }
                boolean holds;
                try {
                    holds = t.condition() == null || Boolean.TRUE.equals(t.condition().evaluate(inputs, related));
                } catch (FormulaEvaluationException e) {
                    holds = false;
                }
                Firing firing = new Firing(def, after, rule, RecordWriter.title(def, after), cascade,
                        "trigger:" + def.id() + ":" + after.id() + ":" + rule.id() + ":" + after.version());
                boolean fires = holds;
                chain = chain.chain(() -> log(session, firing, event, fires)).chain(() -> fires ? run(session, firing)
                        : Uni.createFrom().voidItem());
            }
            return chain;
        });
    }

    /** A scheduled rule firing for a record (see {@link ScheduledTriggerRunner}): its rule log entry and actions. */
    public Uni<Void> fireScheduled(Mutiny.Session session, Firing firing) {
        return log(session, firing, TriggerRule.SCHEDULE, true).chain(() -> run(session, firing));
    }

    private static String event(String when, boolean created, boolean tierChanged, Set<String> changed) {
        return switch (when == null ? "" : when) {
            case "create" -> created ? "create" : null;
            case "update" -> !created && !changed.isEmpty() ? "update" : null;
            case "create_or_update" -> created ? "create" : !changed.isEmpty() ? "update" : null;
            case "tier_changed" -> tierChanged ? "tier_changed" : null;
            default -> null;
        };
    }

    private Uni<Void> run(Mutiny.Session session, Firing firing) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        List<Map<String, Object>> list = firing.rule().actions();
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> params = list.get(i);
            TriggerAction action = actions.get(String.valueOf(params.get("type")));
            int index = i;
            if (action != null) {
                chain = chain.chain(() -> action.enqueue(session, firing, params, index));
            }
        }
        return chain;
    }

    private Uni<Void> log(Mutiny.Session session, Firing firing, String event, boolean fired) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", firing.rule().name());
        result.put("condition", fired);
        result.put("actions", fired ? firing.rule().actions().stream().map(a -> a.get("type")).toList() : List.of());
        result.put("version", firing.record().version());
        return NativeSql.update(session, "INSERT INTO rule_log (form_id, record_id, rule, event, result) VALUES (?1, ?2, ?3, ?4, "
                + NativeSql.jsonParam(5) + ")", firing.form().id(), firing.record().id(), firing.rule().id(), event,
                rows.columns(result)).replaceWithVoid();
    }
}
