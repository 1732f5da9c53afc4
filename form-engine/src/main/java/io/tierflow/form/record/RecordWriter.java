package io.tierflow.form.record;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.audit.AuditLog;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.journal.EffectJournal;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.schema.CompiledForm;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.rule.formula.FormulaEvaluationException;
import io.tierflow.rule.formula.RelatedValues;
import io.tierflow.rule.tier.TierDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The record write pipeline (DESIGN.md "Save a record"): compute formulas in dependency order, evaluate the
 * tier model, then write the row, its audit entry, its tier history and the effects it causes, all through the
 * caller's session so they commit or roll back together. Callers have already checked permissions and input.
 */
@ApplicationScoped
public class RecordWriter {

    public static final String PROCESS_START = "process.start";
    static final String PENDING = TierChanges.PENDING;

    @Inject
    RecordRows rows;

    @Inject
    AuditLog audit;

    @Inject
    EffectJournal journal;

    @Inject
    FieldTypes types;

    @Inject
    RelationValues relations;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Inject
    RelationPropagation propagation;

    @Inject
    AutoNumbers autoNumbers;

    @Inject
    io.tierflow.form.trigger.TriggerEngine triggers;

    @Inject
    TierChanges tierChanges;

    @Inject
    LinkedRecords linked;

    @Inject
    io.tierflow.form.attachment.AttachmentLinks attachments;

    public Uni<StoredRecord> create(Mutiny.Session session, CompiledForm form, Long actorId, long ownerId,
            Map<Long, Object> input, String cause) {
        FormDefinition def = form.definition();
        Map<Long, Object> values = new HashMap<>(input);
        return linked.load(session, def, form.defaultLinks(), values, null).invoke(related -> applyDefaultFormulas(form, values, related))
                .chain(() -> autoNumbers.assign(session, def, values)).chain(() -> relations.fill(session, def, values, null))
                .chain(() -> linked.load(session, def, form.computedLinks(), values, null)).chain(related -> {
            Computation next = compute(form, values, null, TierState.Change.NONE, related);
            Map<String, Object> columns = columns(def, next.values);
            columns.put("owner_id", ownerId);
            columns.put("created_by", actorId);
            columns.put("updated_by", actorId);
            columns.put("tier", next.decision.tier());
            next.state.columns(columns);
            String names = String.join(", ", columns.keySet());
            String sql = "INSERT INTO " + def.table() + " AS r (" + names + ") SELECT " + names
                    + " FROM jsonb_populate_record(NULL::" + def.table() + ", " + NativeSql.jsonParam(1) + ") p"
                    + " RETURNING to_jsonb(r)::text";
            return NativeSql.text(session, sql, rows.columns(columns))
                    .map(json -> rows.read(def, json))
                    .call(saved -> attachments.tie(session, def, null, saved, actorId))
                    .call(saved -> audit.record(session, actorId, "record.create", def.table(), Long.toString(saved.id()),
                            Map.of("values", byKey(def, saved.values()), "tier", String.valueOf(saved.tier()))))
                    .call(saved -> afterTier(session, form, saved, null, next.decision, actorId, cause))
                    .call(saved -> triggers.fire(session, form, null, saved, filled(def, saved), cause))
                    .call(saved -> propagation.after(session, def, null, saved, actorId, 0));
        });
    }

    /** Fields left empty on create take their default formula's value (TODAY(), a copy of another field…). */
    private void applyDefaultFormulas(CompiledForm form, Map<Long, Object> values, RelatedValues related) {
        for (CompiledForm.Computed d : form.defaults()) {
            if (values.get(d.field().id()) != null) {
                continue;
            }
            Map<Long, Object> inputs = new HashMap<>();
            form.definition().fields().forEach(f -> inputs.put(f.id(), types.get(f.type()).formulaValue(f, values.get(f.id()))));
            try {
                Object result = d.formula().evaluate(inputs, related);
                if (result != null) {
                    values.put(d.field().id(), types.get(d.field().type()).parse(d.field(), json.valueToTree(result)));
                }
            } catch (FormulaEvaluationException | io.tierflow.form.type.FieldValueException e) {
                // a default that cannot be computed or does not fit leaves the field empty, as if it had none
            }
        }
    }

    /** Moves a record to the trash ({@code deleted}) or back; the records depending on it are recomputed. */
    public Uni<StoredRecord> markDeleted(Mutiny.Session session, FormDefinition def, Long actorId, StoredRecord current,
            boolean deleted) {
        return NativeSql.text(session, "UPDATE " + def.table() + " r SET deleted_at = " + (deleted ? "now()" : "NULL")
                        + ", version = version + 1, updated_by = NULLIF(?1, 0), updated_at = now() WHERE id = ?2"
                        + " RETURNING to_jsonb(r)::text", actorId == null ? 0L : actorId, current.id())
                .map(json -> rows.read(def, json))
                .call(saved -> audit.record(session, actorId, deleted ? "record.delete" : "record.restore", def.table(),
                        Long.toString(current.id()), Map.of()))
                .call(saved -> propagation.after(session, def, deleted ? current : null, deleted ? null : saved, actorId, 0));
    }

    /** Applies {@code patch} over {@code current}; a patch that changes nothing writes nothing. */
    public Uni<StoredRecord> update(Mutiny.Session session, CompiledForm form, Long actorId, StoredRecord current,
            Map<Long, Object> patch, String cause) {
        return update(session, form, actorId, current, patch, cause, 0);
    }

    /** As {@link #update(Mutiny.Session, CompiledForm, Long, StoredRecord, Map, String)}, also changing its tier state. */
    public Uni<StoredRecord> update(Mutiny.Session session, CompiledForm form, Long actorId, StoredRecord current,
            Map<Long, Object> patch, String cause, TierState.Change state) {
        return update(session, form, actorId, current, patch, cause, 0, state);
    }

    /** @param depth how many related-record recomputations led here; cascades stop at a fixed depth */
    Uni<StoredRecord> update(Mutiny.Session session, CompiledForm form, Long actorId, StoredRecord current,
            Map<Long, Object> patch, String cause, int depth) {
        return update(session, form, actorId, current, patch, cause, depth, TierState.Change.NONE);
    }

    private Uni<StoredRecord> update(Mutiny.Session session, CompiledForm form, Long actorId, StoredRecord current,
            Map<Long, Object> patch, String cause, int depth, TierState.Change state) {
        FormDefinition def = form.definition();
        Map<Long, Object> values = new HashMap<>(current.values());
        values.putAll(patch);
        return relations.fill(session, def, values, current.id())
                .chain(() -> linked.load(session, def, form.computedLinks(), values, current.id()))
                .chain(related -> write(session, form, actorId, current, values, cause, depth, state, related));
    }

    private Uni<StoredRecord> write(Mutiny.Session session, CompiledForm form, Long actorId, StoredRecord current,
            Map<Long, Object> values, String cause, int depth, TierState.Change state, RelatedValues related) {
        FormDefinition def = form.definition();
        Computation next = compute(form, values, current, state, related);
        Map<String, Object> changes = changes(def, current.values(), next.values);
        next.state.changes(TierState.of(current), changes);
        boolean tierChanged = !Objects.equals(current.tier(), next.decision.tier());
        if (changes.isEmpty() && !tierChanged) {
            return Uni.createFrom().item(current);
        }
        Map<String, Object> columns = columns(def, next.values);
        columns.put("tier", next.decision.tier());
        next.state.columns(columns);
        String names = String.join(", ", columns.keySet());
        String sql = "UPDATE " + def.table() + " r SET (" + names + ", version, updated_by, updated_at) = (SELECT "
                + prefixed(columns.keySet()) + ", r.version + 1, NULLIF(?2, 0), now()) FROM jsonb_populate_record(NULL::"
                + def.table() + ", " + NativeSql.jsonParam(1) + ") p WHERE r.id = ?3 RETURNING to_jsonb(r)::text";
        if (tierChanged) {
            changes.put("tier", List.of(String.valueOf(current.tier()), String.valueOf(next.decision.tier())));
        }
        return NativeSql.text(session, sql, rows.columns(columns), actorId == null ? 0L : actorId, current.id())
                .map(json -> rows.read(def, json))
                .call(saved -> attachments.tie(session, def, current, saved, actorId))
                .call(saved -> audit.record(session, actorId, "record.update", def.table(), Long.toString(saved.id()),
                        Map.of("changes", changes, "cause", cause)))
                .call(saved -> afterTier(session, form, saved, current.tier(), next.decision, actorId, cause))
                .call(saved -> triggers.fire(session, form, current, saved, changes.keySet(), cause))
                .call(saved -> propagation.after(session, def, current, saved, actorId, depth));
    }

    private record Computation(Map<Long, Object> values, TierDecision decision, TierState state) {
    }

    private Computation compute(CompiledForm form, Map<Long, Object> values, StoredRecord current, TierState.Change change,
            RelatedValues related) {
        String previousTier = current == null ? null : current.tier();
        // formulas read plain values: a multi-select, say, is read as its keys joined by ","
        Map<Long, Object> inputs = new HashMap<>();
        for (FieldDefinition f : form.definition().fields()) {
            inputs.put(f.id(), types.get(f.type()).formulaValue(f, values.get(f.id())));
        }
        for (CompiledForm.Computed c : form.formulas()) {
            Object result;
            try {
                result = c.formula().evaluate(inputs, related);
            } catch (FormulaEvaluationException e) {
                // a formula that cannot be computed for this record (e.g. a value out of range) is empty, not fatal
                result = null;
            }
            values.put(c.field().id(), result);
            inputs.put(c.field().id(), result);
        }
        TierDecision model = form.tierModel().evaluate(inputs, related);
        TierState state = TierState.of(current).next(change, form.tierModel(), model, java.time.OffsetDateTime.now());
        TierDecision decision = state.apply(model);
        if (TierChanges.entersApproval(form.definition(), previousTier, decision.tier())) {
            TierChanges.pendingField(form.definition()).ifPresent(f -> values.put(f.id(), PENDING));
        }
        return new Computation(values, decision, state);
    }

    /** Tier history for a changed tier and, when the new tier is bound to an approval, the effect that starts it. */
    private Uni<Void> afterTier(Mutiny.Session session, CompiledForm form, StoredRecord saved, String previousTier,
            TierDecision decision, Long actorId, String cause) {
        if (Objects.equals(previousTier, decision.tier())) {
            return Uni.createFrom().voidItem();
        }
        return tierChanges.record(session, form, List.of(new TierChanges.Change(saved, previousTier, decision)), actorId, cause)
                .replaceWithVoid();
    }

    /** The keys of the fields a new record has values for: what "changed" means on create. */
    private static java.util.Set<String> filled(FormDefinition def, StoredRecord r) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        def.fields().forEach(f -> {
            if (r.values().get(f.id()) != null) {
                keys.add(f.key());
            }
        });
        return keys;
    }

    /** The record's display text: its first text field, or "#id". */
    public static String title(FormDefinition def, StoredRecord r) {
        return def.titleField().map(f -> r.values().get(f.id())).map(Object::toString).orElse("#" + r.id());
    }

    private static Map<String, Object> columns(FormDefinition def, Map<Long, Object> values) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (FieldDefinition f : def.fields()) {
            columns.put(f.column(), values.get(f.id()));
        }
        return columns;
    }

    private static String prefixed(java.util.Collection<String> names) {
        return String.join(", ", names.stream().map(n -> "p." + n).toList());
    }

    private static Map<String, Object> byKey(FormDefinition def, Map<Long, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        def.fields().forEach(f -> out.put(f.key(), values.get(f.id())));
        return out;
    }

    private static Map<String, Object> changes(FormDefinition def, Map<Long, Object> before, Map<Long, Object> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (FieldDefinition f : def.fields()) {
            Object a = before.get(f.id());
            Object b = after.get(f.id());
            if (!same(a, b)) {
                changes.put(f.key(), java.util.Arrays.asList(a, b));
            }
        }
        return changes;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }
}
