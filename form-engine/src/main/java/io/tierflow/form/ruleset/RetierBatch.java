package io.tierflow.form.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.db.OrdinalParams;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.record.RecordRows;
import io.tierflow.form.record.RelationPropagation;
import io.tierflow.form.record.StoredRecord;
import io.tierflow.form.record.TierChanges;
import io.tierflow.form.schema.CompiledForm;
import io.tierflow.form.schema.FormCompiler;
import io.tierflow.form.schema.FormRepository;
import io.tierflow.form.trigger.TriggerEngine;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.rule.formula.FormulaEvaluationException;
import io.tierflow.rule.formula.RelatedValues;
import io.tierflow.rule.tier.TierDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * One batch of a re-tier job, in one transaction: take the form's advisory lock (only one node works on a
 * form's re-tiering at a time; another node gets {@link Outcome#LOCKED} and backs off), read the job's last id,
 * then one statement ({@link RetierSql}) re-tiers the next {@code size} live records by id with the published
 * version's CASE WHEN and returns the rows whose tier changed. For those, as a record write would: the approval
 * status field is set to pending when the record enters an approval tier, the version moves on, an audit entry
 * is written (all in that statement), then {@link TierChanges} writes the tier history and enqueues the
 * approvals, and the trigger rules run. The job's new last id commits with them, so a crash loses nothing and repeats nothing.
 * <p>Formulas do not change on publish, only the tier, so their stored values are read as they are.
 */
@ApplicationScoped
public class RetierBatch {

    private static final Logger LOG = Logger.getLogger(RetierBatch.class);

    /** The first key of the form's advisory lock ("TFrt"); the second is the form id. */
    static final int LOCK_CLASS = 0x54467274;

    public enum Outcome {
        /** A batch was committed; there is more. */
        PROGRESS,
        /** The job is over (done, superseded, failed or gone). */
        FINISHED,
        /** Another transaction holds the form's re-tier lock. */
        LOCKED
    }

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    RetierJobs jobs;

    @Inject
    FormRepository forms;

    @Inject
    FormCompiler compiler;

    @Inject
    FieldTypes types;

    @Inject
    RecordRows rows;

    @Inject
    TierChanges tierChanges;

    @Inject
    io.tierflow.form.record.LinkedRecords linked;

    @Inject
    TriggerEngine triggers;

    @Inject
    RelationPropagation propagation;

    public Uni<Outcome> run(long jobId, int size) {
        return sessions.withTransaction(session -> jobs.find(session, jobId).chain(first -> {
            if (first == null || first.finished()) {
                return Uni.createFrom().item(Outcome.FINISHED);
            }
            return NativeSql.number(session, "SELECT CASE WHEN pg_try_advisory_xact_lock(?1, CAST(?2 AS integer)) THEN 1 ELSE 0 END",
                    LOCK_CLASS, first.formId()).chain(locked -> locked == 0 ? Uni.createFrom().item(Outcome.LOCKED)
                    // read again under the lock: another node may have committed a batch since
                    : jobs.find(session, jobId).chain(job -> job.finished() ? Uni.createFrom().item(Outcome.FINISHED)
                            : forms.load(session, job.formId()).chain(form -> batch(session, job, form, size))));
        })).onFailure(JobMoved.class).recoverWithItem(Outcome.PROGRESS); // the next run finds the job finished
    }

    private Uni<Outcome> batch(Mutiny.Session session, RetierJob job, FormDefinition form, int size) {
        if (form.ruleVersion() != job.ruleVersion()) {
            return jobs.finish(session, job.id(), RetierJob.SUPERSEDED, null).replaceWith(Outcome.FINISHED);
        }
        CompiledForm compiled = compiler.compiled(form);
        Optional<FieldDefinition> pending = TierChanges.pendingField(form);
        OrdinalParams p = new OrdinalParams();
        String sql = RetierSql.batch(form, compiled, pending, job, size, types, p);
        return NativeSql.text(session, TierSql.SET_BASED).chain(() -> NativeSql.text(session, sql, p.toArray())).chain(text -> {
            JsonNode result = rows.tree(text);
            long scanned = result.get("scanned").asLong();
            long lastId = scanned == 0 ? job.lastId() : result.get("lastId").asLong();
            boolean done = scanned < size;
            return changes(session, form, compiled, pending, result.get("changed"))
                    .chain(changes -> effects(session, compiled, job, changes)
                            .chain(approvals -> jobs.advance(session, job, lastId, scanned, changes.size(), approvals, done)))
                    .map(n -> {
                        if (n != 1) {
                            // a publish superseded the job while this batch ran with the old model: roll it back
                            throw new JobMoved();
                        }
                        return done ? Outcome.FINISHED : Outcome.PROGRESS;
                    });
        });
    }

    /** The job row changed during a batch (only a publish can do that, superseding it); the batch rolls back. */
    static final class JobMoved extends RuntimeException {
        JobMoved() {
            super(null, null, false, false);
        }
    }

    /** A record the statement re-tiered: as it was (tier, status) and as it is now, with the explanation. */
    private record Changed(StoredRecord before, StoredRecord after, TierDecision decision, boolean statusChanged) {
    }

    private Uni<List<Changed>> changes(Mutiny.Session session, FormDefinition form, CompiledForm compiled,
            Optional<FieldDefinition> pending, JsonNode list) {
        List<Changed> out = new ArrayList<>(list.size());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (JsonNode n : list) {
            StoredRecord after = rows.read(form, n.get("row").toString());
            String from = n.hasNonNull("from") ? n.get("from").asText() : null;
            String oldStatus = n.hasNonNull("status") ? n.get("status").asText() : null;
            Map<Long, Object> values = new HashMap<>(after.values());
            pending.ifPresent(f -> values.put(f.id(), oldStatus));
            StoredRecord before = new StoredRecord(after.id(), after.version() - 1, after.ownerId(), from, values,
                    after.createdAt(), after.createdBy(), after.updatedAt(), after.updatedBy(),
                    n.hasNonNull("oldStage") ? n.get("oldStage").asText() : null, texts(n.get("oldTags")), after.override());
            boolean statusChanged = pending.isPresent() && !Objects.equals(oldStatus, after.values().get(pending.get().id()));
            chain = chain.chain(() -> linked.load(session, form, compiled.tierModel().links(), after.values(), after.id()))
                    .invoke(related -> out.add(new Changed(before, after, explain(form, compiled, after, related), statusChanged)))
                    .replaceWithVoid();
        }
        return chain.replaceWith(out);
    }

    private static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(t -> out.add(t.asText()));
        }
        return out;
    }

    /**
     * The explanation the write pipeline's MVEL gives for the row's values, so a re-tiered record's history reads
     * like any other. Both back ends agree by construction (rule-engine's differential test); should they not,
     * the tier SQL wrote stays the truth and the disagreement is logged.
     */
    private TierDecision explain(FormDefinition form, CompiledForm compiled, StoredRecord after, RelatedValues related) {
        Map<Long, Object> inputs = new HashMap<>();
        for (FieldDefinition f : form.fields()) {
            inputs.put(f.id(), types.get(f.type()).formulaValue(f, after.values().get(f.id())));
        }
        TierDecision decision;
        try {
            decision = io.tierflow.form.record.TierState.of(after).apply(compiled.tierModel().evaluate(inputs, related));
        } catch (FormulaEvaluationException e) {
            return new TierDecision(after.tier(), -1, List.of(Map.of("error", String.valueOf(e.getMessage()))));
        }
        if (!Objects.equals(decision.tier(), after.tier())) {
            LOG.warnf("form %d record %d: SQL gave tier %s, MVEL %s", form.id(), after.id(), after.tier(), decision.tier());
            return new TierDecision(after.tier(), -1, decision.explanation());
        }
        return decision;
    }

    /** History and approvals in one go, then each record's triggers (and its dependents when its status changed). */
    private Uni<Long> effects(Mutiny.Session session, CompiledForm compiled, RetierJob job, List<Changed> changes) {
        List<TierChanges.Change> tierChangeList = changes.stream().filter(c -> !Objects.equals(c.before().tier(), c.after().tier()))
                .map(c -> new TierChanges.Change(c.after(), c.before().tier(), c.decision())).toList();
        Uni<Integer> chain = tierChanges.record(session, compiled, tierChangeList, job.createdBy(), job.cause());
        for (Changed c : changes) {
            Set<String> changedKeys = c.statusChanged()
                    ? Set.of(TierChanges.pendingField(compiled.definition()).orElseThrow().key()) : Set.of();
            chain = chain.call(() -> triggers.fire(session, compiled, c.before(), c.after(), changedKeys, job.cause()));
            if (c.statusChanged()) {
                chain = chain.call(() -> propagation.after(session, compiled.definition(), c.before(), c.after(), job.createdBy(), 0));
            }
        }
        return chain.map(Integer::longValue);
    }
}
