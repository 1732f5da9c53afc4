package io.tierflow.ui.imports;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Files between the import wizard's steps ({@code ui_import_upload}): in the database rather than on one node's
 * disk, so the next step may land on another node. Only ever found by the random token together with the
 * uploader's id and the form, so one user can neither guess nor reach another's file. Kept a day at most.
 * Blocking (the wizard runs on worker threads, as the import does).
 */
@ApplicationScoped
public class ImportUploads {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * An uploaded file and what the user chose for it so far.
     *
     * @param mapping     column header → field key (null: leave the column out), or null before the mapping step
     * @param previewJob  the latest dry run's import job, or null
     * @param runJob      the import that wrote records, or null
     */
    public record Upload(long id, String token, String fileName, byte[] content, JsonNode mapping, String mode,
            String upsertBy, Long previewJob, Long runJob) {
    }

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    /** Stores the file and returns its token; forgets files older than a day on the way. */
    public String create(long userId, long formId, String fileName, byte[] content) {
        pool.query("DELETE FROM ui_import_upload WHERE created_at < now() - interval '1 day'").execute().await().indefinitely();
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        pool.preparedQuery("INSERT INTO ui_import_upload (token, user_id, form_id, file_name, content) VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.tuple().addString(token).addLong(userId).addLong(formId).addString(fileName)
                        .addBuffer(Buffer.buffer(content))).await().indefinitely();
        return token;
    }

    /** The user's upload for the form, or null. */
    public Upload find(String token, long userId, long formId) {
        var rows = pool.preparedQuery("SELECT id, token, file_name, content, mapping::text, mode, upsert_by, preview_job, run_job"
                        + " FROM ui_import_upload WHERE token = $1 AND user_id = $2 AND form_id = $3")
                .execute(Tuple.of(token, userId, formId)).await().indefinitely();
        return rows.iterator().hasNext() ? upload(rows.iterator().next()) : null;
    }

    /** The token of the user's upload that ran import job {@code job}, or null. */
    public String tokenOfRun(long job, long userId) {
        var rows = pool.preparedQuery("SELECT token FROM ui_import_upload WHERE run_job = $1 AND user_id = $2")
                .execute(Tuple.of(job, userId)).await().indefinitely();
        return rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null;
    }

    public void saveOptions(long id, JsonNode mapping, String mode, String upsertBy, Long previewJob) {
        pool.preparedQuery("UPDATE ui_import_upload SET mapping = CAST(CAST($2 AS text) AS jsonb), mode = $3, upsert_by = $4, preview_job = $5"
                        + " WHERE id = $1")
                .execute(Tuple.tuple().addLong(id).addString(mapping == null ? null : mapping.toString()).addString(mode)
                        .addString(upsertBy).addLong(previewJob)).await().indefinitely();
    }

    public void saveRun(long id, String mode, long runJob) {
        pool.preparedQuery("UPDATE ui_import_upload SET mode = $2, run_job = $3 WHERE id = $1")
                .execute(Tuple.of(id, mode, runJob)).await().indefinitely();
    }

    public void delete(long id) {
        pool.preparedQuery("DELETE FROM ui_import_upload WHERE id = $1").execute(Tuple.of(id)).await().indefinitely();
    }

    private Upload upload(Row r) {
        Buffer content = r.getBuffer(3);
        return new Upload(r.getLong(0), r.getString(1), r.getString(2), content.getBytes(), tree(r.getString(4)), r.getString(5),
                r.getString(6), r.getLong(7), r.getLong(8));
    }

    private JsonNode tree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
