package io.tierflow.form.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.tierflow.core.db.OrdinalParams;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A sort over up to three columns ({@code "-revenue,name"}: minus for descending), always ending with the id
 * so the order is total, with empty values last. Pages continue from an opaque cursor holding the last row's
 * sort values: keyset pagination, so a deep page costs what the first one does.
 */
public final class RecordSort {

    static final int MAX_KEYS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Key(RecordColumns.Column column, boolean descending) {
    }

    private final List<Key> keys;

    private RecordSort(List<Key> keys) {
        this.keys = keys;
    }

    /** @return null when {@code sort} is blank: the caller keeps its default order */
    public static RecordSort parse(String sort, RecordColumns columns) {
        if (sort == null || sort.isBlank()) {
            return null;
        }
        String[] parts = sort.split(",");
        if (parts.length > MAX_KEYS) {
            throw Problem.invalid(List.of(new FieldProblem("sort", "form.sort.too-many", MAX_KEYS)));
        }
        List<Key> keys = new ArrayList<>();
        for (String part : parts) {
            String p = part.strip();
            boolean descending = p.startsWith("-");
            String key = descending ? p.substring(1) : p;
            // lists and jsonb values (files, regions, sub-tables) have no order a person would expect
            RecordColumns.Column column = columns.find(key).filter(c -> !c.multi() && !c.structured()).orElseThrow(() ->
                    Problem.invalid(List.of(new FieldProblem("sort", "form.sort.unknown-field", key))));
            keys.add(new Key(column, descending));
        }
        return new RecordSort(keys);
    }

    public String orderBy() {
        List<String> terms = new ArrayList<>();
        for (Key k : keys) {
            terms.add(k.column.sql() + (k.descending ? " DESC" : " ASC") + " NULLS LAST");
        }
        terms.add("r.id ASC");
        return String.join(", ", terms);
    }

    /** The predicate "comes after the row the cursor names", in this order. */
    public String after(String cursor, OrdinalParams params) {
        List<JsonNode> values = decode(cursor);
        if (values.size() != keys.size() + 1 || !values.get(keys.size()).canConvertToLong()) {
            throw Problem.invalid(List.of(new FieldProblem("cursor", "form.cursor.invalid")));
        }
        List<String> alternatives = new ArrayList<>();
        List<String> equalSoFar = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Key k = keys.get(i);
            String col = k.column.sql();
            Object v = value(k, values.get(i));
            if (v != null) {
                List<String> term = new ArrayList<>(equalSoFar);
                term.add("(" + col + (k.descending ? " < " : " > ") + params.bind(v) + " OR " + col + " IS NULL)");
                alternatives.add("(" + String.join(" AND ", term) + ")");
                equalSoFar.add(col + " = " + params.bind(v));
            } else {
                equalSoFar.add(col + " IS NULL"); // nothing sorts after an empty value but more empty values
            }
        }
        List<String> last = new ArrayList<>(equalSoFar);
        last.add("r.id > " + params.bind(values.get(keys.size()).asLong()));
        alternatives.add("(" + String.join(" AND ", last) + ")");
        return "(" + String.join(" OR ", alternatives) + ")";
    }

    /** The cursor after {@code row} (as {@code to_jsonb} rendered it). */
    public String cursor(JsonNode row) {
        ArrayNode values = JSON.createArrayNode();
        for (Key k : keys) {
            values.add(row.get(k.column.sql().substring(2)));
        }
        values.add(row.get("id"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(values.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Object value(Key k, JsonNode stored) {
        return stored == null || stored.isNull() ? null : k.column.type().read(k.column.field(), stored);
    }

    private static List<JsonNode> decode(String cursor) {
        try {
            JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            List<JsonNode> values = new ArrayList<>();
            node.forEach(values::add);
            return values;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw Problem.invalid(List.of(new FieldProblem("cursor", "form.cursor.invalid")));
        }
    }
}
