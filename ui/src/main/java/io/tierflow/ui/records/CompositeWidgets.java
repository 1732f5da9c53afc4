package io.tierflow.ui.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.type.AttachmentFieldType;
import io.tierflow.form.type.ChinaRegionFieldType;
import io.tierflow.form.type.ChinaRegions;
import io.tierflow.form.type.FieldType;
import io.tierflow.form.type.SubTableFieldType;

/**
 * The widgets whose value is a JSON structure kept in one hidden input (records/inputs.html, /js/field-widgets.js):
 * files ({@code attachment}), a place ({@code region}) and a sub-table ({@code subtable}). What they show is read
 * from the input's text, so after a refused save they show what the user had, not what was stored.
 */
final class CompositeWidgets {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CompositeWidgets() {
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode tree(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * @param errors the form's messages by field path without {@code values.}; a sub-table's cells are under
     *               {@code items[2].qty}
     */
    static FieldInput.WidgetParts parts(FieldType type, FieldDefinition field, String widget, String text, String formKey,
            Map<String, String> errors) {
        if (type instanceof AttachmentFieldType) {
            return new FieldInput.WidgetParts(files(field, text, formKey), null, null);
        }
        if (type instanceof ChinaRegionFieldType) {
            return new FieldInput.WidgetParts(null, region(field, text), null);
        }
        if (type instanceof SubTableFieldType table) {
            return new FieldInput.WidgetParts(null, null, table(table, field, text, errors));
        }
        return null;
    }

    static FieldInput.Files files(FieldDefinition field, String text, String formKey) {
        List<FieldInput.FileLink> links = new ArrayList<>();
        JsonNode list = tree(text);
        if (list != null && list.isArray()) {
            for (JsonNode f : list) {
                String id = f.path("id").asText("");
                if (id.matches("[0-9a-fA-F-]{36}")) {
                    links.add(new FieldInput.FileLink(id, f.path("name").asText(id), size(f.path("size").asLong(-1)),
                            "/api/attachments/" + id));
                }
            }
        }
        List<String> accepted = List.copyOf(AttachmentFieldType.accepted(field));
        long max = AttachmentFieldType.maxBytes(field);
        return new FieldInput.Files("/api/forms/" + formKey + "/fields/" + field.key() + "/attachments",
                String.join(",", accepted.stream().map(e -> "." + e).toList()), String.join(", ", accepted),
                size(max), AttachmentFieldType.maxFiles(field), links);
    }

    /** "820 B", "12.5 KB", "3.4 MB". */
    static String size(long bytes) {
        if (bytes < 0) {
            return "";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kb = bytes / 1024.0;
        if (kb < 1024) {
            return String.format(Locale.ROOT, "%.1f KB", kb).replace(".0 ", " ");
        }
        return String.format(Locale.ROOT, "%.1f MB", kb / 1024).replace(".0 ", " ");
    }

    static FieldInput.Region region(FieldDefinition field, String text) {
        JsonNode codes = tree(text);
        int depth = ChinaRegionFieldType.depth(field);
        List<FieldInput.RegionLevel> levels = new ArrayList<>();
        String parent = null;
        for (int i = 0; i <= depth; i++) {
            String key = ChinaRegionFieldType.LEVELS.get(i);
            String chosen = codes != null && codes.hasNonNull(key) ? codes.get(key).asText() : null;
            List<ChinaRegions.Region> options = i == 0 ? ChinaRegions.get().provinces()
                    : parent == null ? List.of() : ChinaRegions.get().children(parent);
            List<FieldInput.Choice> choices = new ArrayList<>();
            for (ChinaRegions.Region r : options) {
                choices.add(new FieldInput.Choice(r.code(), r.name(), r.code().equals(chosen)));
            }
            levels.add(new FieldInput.RegionLevel(key, choices));
            parent = choices.stream().anyMatch(FieldInput.Choice::selected) ? chosen : null;
        }
        return new FieldInput.Region(levels);
    }

    static FieldInput.SubTable table(SubTableFieldType type, FieldDefinition field, String text, Map<String, String> errors) {
        List<SubTableFieldType.Column> columns = type.columns(field);
        List<FieldInput.Column> heads = new ArrayList<>();
        for (SubTableFieldType.Column c : columns) {
            heads.add(new FieldInput.Column(c.field().key(), c.field().label(), c.field().required(), c.type().widget()));
        }
        List<List<FieldInput>> rows = new ArrayList<>();
        JsonNode list = tree(text);
        if (list != null && list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                List<FieldInput> cells = new ArrayList<>();
                for (SubTableFieldType.Column c : columns) {
                    JsonNode v = list.get(i).get(c.field().key());
                    String error = errors.get(field.key() + "[" + i + "]." + c.field().key());
                    cells.add(cell(c, v == null || v.isNull() ? "" : cellText(c, v), error));
                }
                rows.add(cells);
            }
        }
        List<FieldInput> blank = columns.stream().map(c -> cell(c, "", null)).toList();
        return new FieldInput.SubTable(heads, rows, blank, SubTableFieldType.maxRows(field));
    }

    /** What a cell's input shows: the value as the column type reads it, in its input's format. */
    private static String cellText(SubTableFieldType.Column c, JsonNode v) {
        try {
            Object value = c.type().read(c.field(), v);
            String shown = FieldWidgets.inputText(c.type(), c.field(), value);
            return shown == null ? "" : shown;
        } catch (RuntimeException unreadable) {
            return v.isValueNode() ? v.asText() : v.toString();
        }
    }

    private static FieldInput cell(SubTableFieldType.Column c, String text, String error) {
        String widget = c.type().widget();
        FieldWidgets.Adornment unit = FieldWidgets.adornment(c.type(), c.field(), widget);
        return new FieldInput(c.field().key(), c.field().label(), widget, c.field().required(), text, null,
                FieldWidgets.choices(c.type(), c.field(), widget, text), unit.prefix(), unit.suffix(), error, false);
    }
}
