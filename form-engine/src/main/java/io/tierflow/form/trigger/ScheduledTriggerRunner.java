package io.tierflow.form.trigger;

import com.cronutils.model.time.ExecutionTime;
import io.quarkus.scheduler.Scheduled;
import io.tierflow.core.db.OnWorker;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.db.OrdinalParams;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.record.FormulaColumns;
import io.tierflow.form.record.RecordRows;
import io.tierflow.form.record.RecordWriter;
import io.tierflow.form.record.StoredRecord;
import io.tierflow.form.schema.CompiledForm;
import io.tierflow.form.schema.FormCompiler;
import io.tierflow.form.schema.FormRepository;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.rule.formula.SqlExpression;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Runs scheduled trigger rules. Every minute each rule whose cron schedule (in the server's zone) has a due time
 * it has not run for is claimed by one node ({@code trigger_run} upsert) and run set-based: one statement finds
 * the live records its condition and time window hold for, in SQL, remembers them ({@code trigger_state}) and
 * returns those for which they did not hold at the last run; each of those fires once, with its rule log entry
 * and its actions' effects, in the same transaction. At most {@value #MAX_PER_RUN} records fire per run; the
 * rest fire at the next one.
 */
@ApplicationScoped
public class ScheduledTriggerRunner {

    static final int MAX_PER_RUN = 5000;
    private static final Logger LOG = Logger.getLogger(ScheduledTriggerRunner.class);

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    FormRepository forms;

    @Inject
    FormCompiler compiler;

    @Inject
    FieldTypes types;

    @Inject
    RecordRows rows;

    @Inject
    TimeWindows windows;

    @Inject
    TriggerEngine triggers;

    @Scheduled(every = "1m", delayed = "45s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            runDue(ZonedDateTime.now(ZoneId.systemDefault()));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not run scheduled trigger rules");
        }
    }

    /** Runs every scheduled rule due at {@code now} that has not run for that due time; @return records fired for */
    public int runDue(ZonedDateTime now) {
        int fired = 0;
        for (FormDefinition form : OnWorker.await(() -> sessions.withSession(forms::list))) {
            if (form.triggers().stream().noneMatch(r -> TriggerRule.SCHEDULE.equals(r.when()))) {
                continue;
            }
            CompiledForm compiled = compiler.compiled(form);
            for (CompiledForm.Trigger t : compiled.triggers()) {
                TriggerRule rule = t.rule();
                if (!TriggerRule.SCHEDULE.equals(rule.when())) {
                    continue;
                }
                Optional<ZonedDateTime> due = ExecutionTime.forCron(TimeWindows.CRON.parse(rule.cron())).lastExecution(now);
                if (due.isPresent()) {
                    fired += OnWorker.await(() -> sessions.withTransaction(session -> claim(session, form, rule, due.get())
                            .chain(claimed -> claimed ? run(session, compiled, t, due.get()) : Uni.createFrom().item(0))));
                }
            }
        }
        return fired;
    }

    private static Uni<Boolean> claim(Mutiny.Session session, FormDefinition form, TriggerRule rule, ZonedDateTime due) {
        return NativeSql.texts(session, "INSERT INTO trigger_run (form_id, rule, last_run) VALUES (?1, ?2, CAST(CAST(?3 AS text) AS timestamptz))"
                        + " ON CONFLICT (form_id, rule) DO UPDATE SET last_run = EXCLUDED.last_run"
                        + " WHERE trigger_run.last_run < EXCLUDED.last_run RETURNING CAST(form_id AS text)",
                form.id(), rule.id(), due.toOffsetDateTime().toString()).map(r -> !r.isEmpty());
    }

    private Uni<Integer> run(Mutiny.Session session, CompiledForm compiled, CompiledForm.Trigger t, ZonedDateTime due) {
        FormDefinition form = compiled.definition();
        TriggerRule rule = t.rule();
        OrdinalParams p = new OrdinalParams();
        String formId = p.bind(form.id());
        String ruleId = p.bind(rule.id());
        String condition = "TRUE";
        List<Long> read = List.of();
        if (t.condition() != null) {
            SqlExpression c = t.condition().sql(FormulaColumns.columns(form, types)).withOrdinalPlaceholders(p.next());
            p.addAll(c.params());
            condition = c.sql();
            read = List.copyOf(t.condition().fieldIds());
        }
        String from = FormulaColumns.from(form, read, types);
        String where = condition;
        Uni<String> window = rule.window() == null ? Uni.createFrom().item("TRUE") : windows.sql(session, rule.window(), p);
        return window.chain(w -> NativeSql.texts(session, "WITH matching AS (SELECT r.id FROM " + from
                        + " WHERE r.deleted_at IS NULL AND (" + where + ") AND " + w + "),"
                        + " gone AS (DELETE FROM trigger_state s WHERE s.form_id = " + formId + " AND s.rule = " + ruleId
                        + " AND NOT EXISTS (SELECT 1 FROM matching m WHERE m.id = s.record_id)),"
                        + " added AS (INSERT INTO trigger_state (form_id, rule, record_id) SELECT " + formId + ", " + ruleId
                        + ", m.id FROM matching m WHERE NOT EXISTS (SELECT 1 FROM trigger_state s WHERE s.form_id = " + formId
                        + " AND s.rule = " + ruleId + " AND s.record_id = m.id) ORDER BY m.id LIMIT " + MAX_PER_RUN
                        + " RETURNING record_id)"
                        + " SELECT CAST(to_jsonb(r) AS text) FROM " + form.table() + " r JOIN added a ON a.record_id = r.id ORDER BY r.id",
                p.toArray()))
                .chain(found -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String json : found) {
                        StoredRecord record = rows.read(form, json);
                        Firing firing = new Firing(form, record, rule, RecordWriter.title(form, record), 0,
                                "schedule:" + form.id() + ":" + rule.id() + ":" + due.toEpochSecond() + ":" + record.id());
                        chain = chain.chain(() -> triggers.fireScheduled(session, firing));
                    }
                    return chain.replaceWith(found.size());
                });
    }

}
