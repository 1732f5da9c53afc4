package io.tierflow.form.attachment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.JsonText;
import io.tierflow.core.db.NativeSql;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The {@code attachment} table. Bytes go through the plain reactive pool (a bytea is a Buffer there, and an upload
 * or a download is a statement of its own); the rows a record save reads and ties go through the save's session,
 * so they commit or roll back with it.
 */
@ApplicationScoped
public class AttachmentRows {

    private static final String COLUMNS = "json_build_object('id', a.id, 'formId', a.form_id, 'fieldId', a.field_id,"
            + " 'recordId', a.record_id, 'name', a.file_name, 'contentType', a.content_type, 'size', a.size,"
            + " 'sha256', a.sha256, 'uploadedBy', a.uploaded_by)";

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    Uni<StoredAttachment> insert(long formId, long fieldId, String name, String contentType, byte[] data, String sha256,
            long uploadedBy) {
        return pool.preparedQuery("INSERT INTO attachment (form_id, field_id, file_name, content_type, size, sha256, data,"
                        + " uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING CAST(id AS text)")
                .execute(Tuple.tuple().addLong(formId).addLong(fieldId).addString(name).addString(contentType)
                        .addLong((long) data.length).addString(sha256).addBuffer(Buffer.buffer(data)).addLong(uploadedBy))
                .map(rows -> new StoredAttachment(rows.iterator().next().getString(0), formId, fieldId, null, name, contentType,
                        data.length, sha256, uploadedBy));
    }

    /** The row without its bytes; null when there is none (or the id is no uuid). */
    Uni<StoredAttachment> find(String id) {
        UUID uuid = uuid(id);
        if (uuid == null) {
            return Uni.createFrom().nullItem();
        }
        return pool.preparedQuery("SELECT " + COLUMNS + "::text FROM attachment a WHERE a.id = $1").execute(Tuple.of(uuid))
                .map(rows -> rows.size() == 0 ? null : parse(rows.iterator().next().getString(0)));
    }

    Uni<byte[]> data(String id) {
        return pool.preparedQuery("SELECT data FROM attachment WHERE id = $1").execute(Tuple.of(uuid(id)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return row.getBuffer(0).getBytes();
                });
    }

    /** The rows of {@code ids} uploaded for this form and field, by id, through the save's session. */
    Uni<Map<String, StoredAttachment>> forField(Mutiny.Session session, long formId, long fieldId, List<String> ids) {
        return NativeSql.texts(session, "SELECT " + COLUMNS + "::text FROM attachment a WHERE a.form_id = ?1 AND a.field_id = ?2"
                        + " AND CAST(a.id AS text) IN (SELECT jsonb_array_elements_text(" + NativeSql.jsonParam(3) + "))",
                formId, fieldId, JsonText.write(json, ids))
                .map(found -> {
                    Map<String, StoredAttachment> byId = new LinkedHashMap<>();
                    found.forEach(text -> {
                        StoredAttachment a = parse(text);
                        byId.put(a.id(), a);
                    });
                    return byId;
                });
    }

    /** Ties the uploads among {@code ids} that belong to no record yet to {@code recordId}; how many it tied. */
    Uni<Integer> tie(Mutiny.Session session, List<String> ids, long recordId) {
        return NativeSql.update(session, "UPDATE attachment SET record_id = ?1 WHERE record_id IS NULL"
                + " AND CAST(id AS text) IN (SELECT jsonb_array_elements_text(" + NativeSql.jsonParam(2) + "))", recordId,
                JsonText.write(json, ids));
    }

    /** Removes uploads that no save took within {@code age} (an interval such as "1 day"). */
    Uni<Integer> removeUnattached(String age) {
        return pool.query("DELETE FROM attachment WHERE record_id IS NULL AND created_at < now() - interval '" + age + "'")
                .execute().map(rows -> rows.rowCount());
    }

    static UUID uuid(String id) {
        try {
            return id == null || id.length() != 36 ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private StoredAttachment parse(String text) {
        try {
            JsonNode n = json.readTree(text);
            return new StoredAttachment(n.get("id").asText(), n.get("formId").asLong(), n.get("fieldId").asLong(),
                    n.get("recordId").isNull() ? null : n.get("recordId").asLong(), n.get("name").asText(),
                    n.get("contentType").asText(), n.get("size").asLong(), n.get("sha256").asText(), n.get("uploadedBy").asLong());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
