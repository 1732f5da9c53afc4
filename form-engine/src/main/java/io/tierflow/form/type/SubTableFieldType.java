package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * 明细子表: rows edited inside the parent record (an order's lines, a visit's attendees), stored as a jsonb array of
 * objects on the parent's column. {@code config.columns} lists the columns ({@code key}, {@code label}, {@code type}
 * — one of {@link #COLUMN_TYPES} —, {@code required}, and that type's own {@code config}); each cell is parsed,
 * read and shown by its column type's own class, so a money cell takes "¥1,200" as a money field does. A bad cell
 * is reported under its path ({@code values.items[2].qty}); rows that are entirely empty are dropped. At most
 * {@code maxRows} rows (200 by default). A formula reads a sub-table as its number of rows ({@code items > 0}).
 * Export writes the rows as one JSON text cell, which import reads back.
 */
@ApplicationScoped
public class SubTableFieldType implements CountedInFormulas {

    public static final String COLUMNS = "columns";
    public static final String MAX_ROWS = "maxRows";
    static final int DEFAULT_MAX_ROWS = 200;
    static final int LIMIT_ROWS = 1000;
    static final int MAX_COLUMNS = 30;
    /** Simple, single-valued types whose values need nothing but themselves (no other record, no directory). */
    public static final List<String> COLUMN_TYPES = List.of("text", "textarea", "number", "money", "percent", "date",
            "datetime", "checkbox", "email", "phone", "url", "single_select");

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Inject
    FieldTypes types;

    private final Function<String, Optional<FieldType>> lookup;

    public SubTableFieldType() {
        this.lookup = null;
    }

    /** For tests without CDI: the column types by id. */
    SubTableFieldType(Function<String, Optional<FieldType>> lookup) {
        this.lookup = lookup;
    }

    private Optional<FieldType> type(String id) {
        if (id == null || !COLUMN_TYPES.contains(id)) {
            return Optional.empty();
        }
        return lookup != null ? lookup.apply(id) : types.find(id);
    }

    /** One column of the sub-table: a field of its own, numbered by position, whose key is the cell's key. */
    public record Column(FieldDefinition field, FieldType type) {
    }

    @Override
    public String id() {
        return "sub_table";
    }

    @Override
    public String columnType(FieldDefinition field) {
        return "jsonb";
    }

    @Override
    public ValueType valueType(FieldDefinition field) {
        return ValueType.NUMBER;
    }

    @Override
    public List<ConfigOption> configOptions() {
        return List.of(new ConfigOption(COLUMNS, "columns", List.of(), true), ConfigOption.number(MAX_ROWS, DEFAULT_MAX_ROWS));
    }

    @Override
    public List<String> operators(FieldDefinition field) {
        return List.of("empty", "not_empty");
    }

    /** The configured columns as the designer stores them: a JSON array, or its text (a settings text box). */
    static JsonNode columnsConfig(FieldDefinition field) {
        JsonNode columns = field.config() == null ? null : field.config().get(COLUMNS);
        if (columns != null && columns.isTextual()) {
            try {
                return JSON.readTree(columns.asText());
            } catch (java.io.IOException e) {
                return null;
            }
        }
        return columns;
    }

    /** The columns whose definitions are sound; see {@link #checkConfig} for the others. */
    public List<Column> columns(FieldDefinition field) {
        List<Column> columns = new ArrayList<>();
        JsonNode list = columnsConfig(field);
        if (list == null || !list.isArray()) {
            return columns;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String key = c.path("key").asText("");
            Optional<FieldType> type = type(c.path("type").asText(null));
            if (key.matches("[A-Za-z][A-Za-z0-9_]{0,62}") && type.isPresent()) {
                JsonNode config = c.get("config") != null && c.get("config").isObject() ? c.get("config")
                        : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                columns.add(new Column(new FieldDefinition(i + 1, key, c.path("label").asText(key), type.get().id(),
                        c.path("required").asBoolean(false), config, i), type.get()));
            }
        }
        return columns;
    }

    public static int maxRows(FieldDefinition field) {
        JsonNode max = field.config() == null ? null : field.config().get(MAX_ROWS);
        return max != null && max.canConvertToInt() && max.asInt() > 0 ? Math.min(max.asInt(), LIMIT_ROWS) : DEFAULT_MAX_ROWS;
    }

    @Override
    public List<FieldProblem> checkConfig(FieldDefinition field, String path) {
        List<FieldProblem> problems = new ArrayList<>();
        String at = path + ".config.columns";
        JsonNode list = columnsConfig(field);
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(new FieldProblem(at, "form.subtable.columns-required"));
            return problems;
        }
        if (list.size() > MAX_COLUMNS) {
            problems.add(new FieldProblem(at, "form.subtable.too-many-columns", MAX_COLUMNS));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String here = at + "[" + i + "]";
            String key = c.path("key").asText("");
            if (!key.matches("[A-Za-z][A-Za-z0-9_]{0,62}")) {
                problems.add(new FieldProblem(here + ".key", "form.subtable.column-key", key));
            } else if (!keys.add(key)) {
                problems.add(new FieldProblem(here + ".key", "form.subtable.column-duplicate", key));
            }
            if (c.path("label").asText("").isBlank()) {
                problems.add(new FieldProblem(here + ".label", "form.subtable.column-label"));
            }
            Optional<FieldType> type = type(c.path("type").asText(null));
            if (type.isEmpty()) {
                problems.add(new FieldProblem(here + ".type", "form.subtable.column-type", String.join(", ", COLUMN_TYPES)));
            } else {
                JsonNode config = c.get("config") != null && c.get("config").isObject() ? c.get("config")
                        : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                FieldDefinition column = new FieldDefinition(i + 1, key, c.path("label").asText(key), type.get().id(), false,
                        config, i);
                // the column type's own checks (a select's options…), under the column's path
                type.get().checkConfig(column, "x").forEach(p ->
                        problems.add(new FieldProblem(here + p.field().substring(1), p.code(), p.args())));
            }
        }
        JsonNode max = field.config().get(MAX_ROWS);
        if (max != null && !max.isNull() && (!max.canConvertToInt() || max.asInt() < 1 || max.asInt() > LIMIT_ROWS)) {
            problems.add(new FieldProblem(path + ".config.maxRows", "form.subtable.max-rows-range", LIMIT_ROWS));
        }
        return problems;
    }

    @Override
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        if (input == null || input.isNull() || (input.isTextual() && input.asText().isBlank())) {
            return null;
        }
        if (input.isTextual()) {
            // an export's cell, or the record page's hidden input: the rows as JSON text
            try {
                input = JSON.readTree(input.asText());
            } catch (java.io.IOException e) {
                throw new FieldValueException("form.subtable.not-rows");
            }
        }
        if (!input.isArray()) {
            throw new FieldValueException("form.subtable.not-rows");
        }
        int max = maxRows(field);
        if (input.size() > max) {
            throw new FieldValueException("form.subtable.too-many-rows", max);
        }
        List<Column> columns = columns(field);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<FieldValueException> problems = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            JsonNode row = input.get(i);
            String at = "[" + i + "]";
            if (!row.isObject()) {
                problems.add(new FieldValueException("form.subtable.row-not-object").under(at));
                continue;
            }
            for (Iterator<String> it = row.fieldNames(); it.hasNext();) {
                String key = it.next();
                if (columns.stream().noneMatch(c -> c.field().key().equals(key))) {
                    problems.add(new FieldValueException("form.subtable.unknown-column", key).under(at + "." + key));
                }
            }
            Map<String, Object> cells = new LinkedHashMap<>();
            for (Column c : columns) {
                try {
                    cells.put(c.field().key(), plain(c.type().parse(c.field(), row.get(c.field().key()))));
                } catch (FieldValueException e) {
                    problems.add(e.under(at + "." + c.field().key()));
                    cells.put(c.field().key(), null);
                }
            }
            if (cells.values().stream().allMatch(v -> v == null) && problems.stream().noneMatch(p -> p.path().startsWith(at))) {
                continue; // a row left entirely empty is no row
            }
            for (Column c : columns) {
                if (c.field().required() && cells.get(c.field().key()) == null
                        && problems.stream().noneMatch(p -> p.path().equals(at + "." + c.field().key()))) {
                    problems.add(new FieldValueException("form.value.required", c.field().label()).under(at + "." + c.field().key()));
                }
            }
            rows.add(cells);
        }
        if (!problems.isEmpty()) {
            throw FieldValueException.several(problems);
        }
        return rows.isEmpty() ? null : rows;
    }

    @Override
    public Object read(FieldDefinition field, JsonNode stored) {
        if (!stored.isArray()) {
            return null;
        }
        List<Column> columns = columns(field);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode row : stored) {
            Map<String, Object> cells = new LinkedHashMap<>();
            for (Column c : columns) {
                JsonNode v = row.get(c.field().key());
                cells.put(c.field().key(), v == null || v.isNull() ? null : plain(c.type().read(c.field(), v)));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** Decimals without trailing zeros, so a row reads back equal to what was written (1200.50 is 1200.5). */
    private static Object plain(Object value) {
        if (value instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            return s.scale() < 0 ? s.setScale(0) : s;
        }
        return value;
    }

    /** The rows a value holds. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** Each row's filled cells as their types show them: "螺丝，3，¥12.50；垫片，10". */
    @Override
    public String display(FieldDefinition field, Object value) {
        if (value == null) {
            return null;
        }
        List<Column> columns = columns(field);
        List<String> shown = new ArrayList<>();
        for (Map<String, Object> row : rows(value)) {
            List<String> cells = new ArrayList<>();
            for (Column c : columns) {
                Object v = row.get(c.field().key());
                String text = v == null ? null : c.type().display(c.field(), v);
                if (text != null && !text.isEmpty()) {
                    cells.add(text); // an empty cell is left out: "垫片，10", not "垫片，10，，"
                }
            }
            shown.add(String.join("，", cells));
        }
        return String.join("；", shown);
    }

    /** One JSON text cell with the rows as the API gives them, which an import reads back. */
    @Override
    public String exportText(FieldDefinition field, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON of a cell value as the rows store it (dates as ISO text). */
    public static JsonNode cellJson(Object value) {
        return value == null ? NullNode.instance : JSON.valueToTree(value);
    }

    @Override
    public String widget() {
        return "subtable";
    }
}
