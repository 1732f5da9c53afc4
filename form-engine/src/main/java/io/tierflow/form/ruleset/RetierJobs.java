package io.tierflow.form.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.form.model.FormDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** The {@code retier_job} rows: created by a publish, advanced by {@link RetierBatch}, read for progress. */
@ApplicationScoped
public class RetierJobs {

    private static final String SELECT = "SELECT json_build_object('id', j.id, 'formId', j.form_id, 'ruleVersion', j.rule_version,"
            + " 'cause', j.cause, 'status', j.status, 'lastId', j.last_id, 'total', j.total, 'processed', j.processed,"
            + " 'changed', j.changed, 'approvals', j.approvals, 'batches', j.batches, 'error', j.error, 'createdBy', j.created_by,"
            + " 'startedAt', j.started_at, 'updatedAt', j.updated_at, 'finishedAt', j.finished_at)::text FROM retier_job j";

    @Inject
    ObjectMapper json;

    /**
     * A running job for the form's published version. Jobs of earlier versions that are still running are
     * superseded: the new one visits every record anyway.
     */
    public Uni<Long> create(Mutiny.Session session, FormDefinition form, int ruleVersion, String cause, Long actorId) {
        return NativeSql.update(session, "UPDATE retier_job SET status = 'superseded', finished_at = now(), updated_at = now()"
                        + " WHERE form_id = ?1 AND status = 'running'", form.id())
                .chain(() -> NativeSql.number(session, "INSERT INTO retier_job (form_id, rule_version, cause, status, total, created_by)"
                        + " SELECT ?1, ?2, ?3, 'running', count(*), NULLIF(?4, 0) FROM " + form.table() + " WHERE deleted_at IS NULL"
                        + " RETURNING id", form.id(), ruleVersion, cause, actorId == null ? 0L : actorId));
    }

    public Uni<RetierJob> find(Mutiny.Session session, long id) {
        return NativeSql.text(session, SELECT + " WHERE j.id = ?1", id).map(t -> t == null ? null : parse(t));
    }

    public Uni<List<RetierJob>> ofForm(Mutiny.Session session, long formId, int limit) {
        return NativeSql.texts(session, SELECT + " WHERE j.form_id = ?1 ORDER BY j.id DESC LIMIT " + Math.max(1, Math.min(limit, 100)),
                formId).map(rows -> rows.stream().map(this::parse).toList());
    }

    /** Commits one batch's progress; {@code done} when it was the last. Guarded by the last id it started from. */
    public Uni<Integer> advance(Mutiny.Session session, RetierJob job, long lastId, long scanned, long changed, long approvals,
            boolean done) {
        return NativeSql.update(session, "UPDATE retier_job SET last_id = ?1, processed = processed + ?2, changed = changed + ?3,"
                        + " approvals = approvals + ?4, batches = batches + 1, updated_at = now(),"
                        + " status = CASE WHEN ?5 THEN 'done' ELSE status END, finished_at = CASE WHEN ?5 THEN now() END"
                        + " WHERE id = ?6 AND status = 'running' AND last_id = ?7",
                lastId, scanned, changed, approvals, done, job.id(), job.lastId());
    }

    public Uni<Integer> finish(Mutiny.Session session, long id, String status, String error) {
        return NativeSql.update(session, "UPDATE retier_job SET status = ?1, error = NULLIF(?2, ''), finished_at = now(),"
                + " updated_at = now() WHERE id = ?3 AND status = 'running'", status, error == null ? "" : error, id);
    }

    /** Running jobs silent for {@code seconds}: their node stopped (or never started them); any node may resume them. */
    public Uni<List<Long>> stale(Mutiny.Session session, int seconds) {
        return session.createNativeQuery("SELECT id FROM retier_job WHERE status = 'running' AND updated_at < now() - ?1 * interval '1 second'"
                        + " ORDER BY id", Long.class).setParameter(1, seconds).getResultList();
    }

    private RetierJob parse(String text) {
        try {
            return json.readValue(text, RetierJob.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable re-tier job", e);
        }
    }
}
