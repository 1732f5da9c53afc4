package io.tierflow.form.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RecordView;
import io.tierflow.form.type.FieldTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts between record rows and Java values. Rows are read as {@code to_jsonb(r)::text} and written as one
 * jsonb parameter through {@code jsonb_populate_record}, so dynamic columns never need per-type binding code.
 */
@ApplicationScoped
public class RecordRows {

    /** Exact decimals: a float would silently round money. */
    private final ObjectMapper rows = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Inject
    ObjectMapper json;

    @Inject
    FieldTypes types;

    /** The row as a JSON tree, numbers exact. */
    public JsonNode tree(String rowJson) {
        try {
            return rows.readTree(rowJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable record row", e);
        }
    }

    public StoredRecord read(FormDefinition form, String rowJson) {
        JsonNode row = tree(rowJson);
        Map<Long, Object> values = new HashMap<>();
        for (FieldDefinition f : form.fields()) {
            JsonNode v = row.get(f.column());
            values.put(f.id(), v == null || v.isNull() ? null : types.get(f.type()).read(f, v));
        }
        return new StoredRecord(row.get("id").asLong(), row.get("version").asLong(), row.get("owner_id").asLong(),
                text(row, "tier"), values, time(row, "created_at"), number(row, "created_by"),
                time(row, "updated_at"), number(row, "updated_by"), text(row, "stage"), texts(row, "tags"),
                override(row));
    }

    private static java.util.List<String> texts(JsonNode row, String name) {
        JsonNode v = row.get(name);
        java.util.List<String> out = new java.util.ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(t -> out.add(t.asText()));
        }
        return out;
    }

    private static io.tierflow.form.model.TierOverride override(JsonNode row) {
        String tier = text(row, "tier_override");
        return tier == null ? null
                : new io.tierflow.form.model.TierOverride(tier, time(row, "tier_override_until"), text(row, "tier_override_reason"));
    }

    public RecordView view(FormDefinition form, StoredRecord r) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldDefinition f : form.fields()) {
            values.put(f.key(), r.values().get(f.id()));
        }
        return new RecordView(r.id(), r.version(), r.ownerId(), r.tier(), values, r.createdAt(), r.createdBy(),
                r.updatedAt(), r.updatedBy(), r.stage(), r.tags(), r.override());
    }

    /** The jsonb parameter for {@code jsonb_populate_record}: column name → value. */
    public String columns(Map<String, Object> columns) {
        try {
            return json.writeValueAsString(columns);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String text(JsonNode row, String name) {
        JsonNode v = row.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Long number(JsonNode row, String name) {
        JsonNode v = row.get(name);
        return v == null || v.isNull() ? null : v.asLong();
    }

    private static OffsetDateTime time(JsonNode row, String name) {
        String v = text(row, name);
        return v == null ? null : OffsetDateTime.parse(v);
    }
}
