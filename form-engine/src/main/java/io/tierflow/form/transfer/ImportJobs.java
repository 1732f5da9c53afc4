package io.tierflow.form.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.JsonText;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The {@code import_job} rows that report an import's progress. Written through the plain reactive pool, on
 * their own connections and outside the import's transactions: progress must be visible while an
 * all_or_nothing import's single transaction is still open, and must survive its rollback.
 */
@ApplicationScoped
public class ImportJobs {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String REJECTED = "rejected";
    public static final String FAILED = "failed";
    static final String STALE = "30 minutes";

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    Uni<Long> create(long formId, long userId, ImportOptions options, String fileName, String format, int total,
            Map<String, Object> report) {
        return pool.preparedQuery("INSERT INTO import_job (form_id, user_id, status, mode, dry_run, upsert_by, file_name,"
                        + " format, total, report) VALUES ($1, $2, 'running', $3, $4, $5, $6, $7, $8, CAST(CAST($9 AS text) AS jsonb))"
                        + " RETURNING id")
                .execute(Tuple.tuple().addLong(formId).addLong(userId).addString(options.mode().id())
                        .addBoolean(options.dryRun()).addString(options.upsertBy()).addString(fileName).addString(format)
                        .addInteger(total).addString(text(report)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Progress of a running job; never moves {@code processed} back, never touches a finished job. */
    Uni<Void> progress(long id, ImportTally tally) {
        return pool.preparedQuery("UPDATE import_job SET processed = GREATEST(processed, $2), created = $3, updated = $4,"
                        + " failed = $5, errors = CAST(CAST($6 AS text) AS jsonb), updated_at = now() WHERE id = $1 AND status = 'running'")
                .execute(counts(id, tally)).replaceWithVoid();
    }

    Uni<Void> finish(long id, String status, ImportTally tally, Map<String, Object> report) {
        return pool.preparedQuery("UPDATE import_job SET processed = $2, created = $3, updated = $4, failed = $5,"
                        + " errors = CAST(CAST($6 AS text) AS jsonb), status = $7, report = report || CAST(CAST($8 AS text) AS jsonb),"
                        + " updated_at = now(), finished_at = now() WHERE id = $1")
                .execute(counts(id, tally).addString(status).addString(text(report))).replaceWithVoid();
    }

    /**
     * Marks jobs failed that reported no progress for {@link #STALE}: their node stopped mid-import (progress is
     * written every few hundred rows, so a live job is never that quiet). Whatever they committed stays.
     */
    Uni<Integer> abandonStale() {
        return pool.query("UPDATE import_job SET status = 'failed', finished_at = now(), updated_at = now(),"
                        + " report = report || '{\"problem\":{\"code\":\"form.import.abandoned\"}}'"
                        + " WHERE status = 'running' AND updated_at < now() - interval '" + STALE + "'")
                .execute().map(rows -> rows.rowCount());
    }

    /**
     * The job if it belongs to form {@code formRef} (key or id) and the caller started it or is an admin;
     * otherwise null, so another user's import is "not found" rather than "forbidden".
     */
    public Uni<ImportReport> find(long id, String formRef, long callerId, boolean admin, java.util.Locale locale) {
        return pool.preparedQuery("SELECT j.id, f.key, j.status, j.dry_run, j.mode, j.upsert_by, j.file_name, j.format,"
                        + " j.total, j.processed, j.created, j.updated, j.failed, j.errors::text, j.report::text, j.created_at,"
                        + " j.finished_at FROM import_job j JOIN form f ON f.id = j.form_id"
                        + " WHERE j.id = $1 AND (f.key = $2 OR f.id::text = $2) AND (j.user_id = $3 OR $4)")
                .execute(Tuple.of(id, formRef, callerId, admin))
                .map(rows -> rows.iterator().hasNext() ? report(rows.iterator().next(), locale) : null);
    }

    private ImportReport report(Row r, java.util.Locale locale) {
        JsonNode report = tree(r.getString(14));
        JsonNode problem = report.get("problem");
        if (problem instanceof com.fasterxml.jackson.databind.node.ObjectNode p && !p.has("message") && p.has("code")) {
            // set without a reader (a busy or abandoned job): told in the language of whoever asks
            p.put("message", io.tierflow.core.i18n.Messages.text(locale, p.get("code").asText()));
        }
        int total = r.getInteger(8);
        int processed = r.getInteger(9);
        int failed = r.getInteger(12);
        return new ImportReport(r.getLong(0), r.getString(1), r.getString(2), r.getBoolean(3), r.getString(4),
                r.getString(5), r.getString(6), r.getString(7), total, total, processed, processed - failed, failed,
                r.getInteger(10), r.getInteger(11), failed, tree(r.getString(13)), report.path("errorsTruncated").asBoolean(false),
                report.get("mapping"), report.get("ignoredColumns"), report.get("sample"), problem,
                r.getOffsetDateTime(15), r.getOffsetDateTime(16));
    }

    private Tuple counts(long id, ImportTally tally) {
        return Tuple.tuple().addLong(id).addInteger(tally.processed).addInteger(tally.created).addInteger(tally.updated)
                .addInteger(tally.failed).addString(text(tally.errors));
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode tree(String text) {
        return text == null ? null : JsonText.read(json, text);
    }
}
