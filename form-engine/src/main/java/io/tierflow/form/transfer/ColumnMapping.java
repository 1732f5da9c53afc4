package io.tierflow.form.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.i18n.Messages;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.type.FieldType;
import io.tierflow.form.type.FieldTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which column fills which field. A column whose header is a field's label or key (trimmed, any case) fills it,
 * unless the caller's {@code mapping} ({"column header": "fieldKey"}, null to leave a column out) says otherwise.
 * Only fields the caller may write are ever filled: computed and read-only fields are reported as ignored, and a
 * hidden field is reported like a column that matches nothing, so the file cannot probe for it.
 */
final class ColumnMapping {

    /** A column that fills a field. */
    record Column(int index, String header, FieldDefinition field, FieldType type) {

        /** Array-valued fields (multi-select) take several values from one cell. */
        boolean multiple() {
            return type.columnType(field).endsWith("[]");
        }
    }

    /** A column left out, and why: unknown, computed, readonly, tier, duplicate or mapping. */
    record Ignored(String column, String reason, String message) {
    }

    private final List<Column> columns;
    private final List<Ignored> ignored;

    private ColumnMapping(List<Column> columns, List<Ignored> ignored) {
        this.columns = List.copyOf(columns);
        this.ignored = List.copyOf(ignored);
    }

    List<Column> columns() {
        return columns;
    }

    List<Ignored> ignored() {
        return ignored;
    }

    Optional<Column> column(String fieldKey) {
        return columns.stream().filter(c -> c.field().key().equals(fieldKey)).findFirst();
    }

    /** Column header → field key, for the report. */
    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        columns.forEach(c -> map.put(c.header(), c.field().key()));
        return map;
    }

    static ColumnMapping resolve(FormDefinition form, RoleAccess access, FieldTypes types, List<String> header,
            JsonNode explicit, Locale locale) {
        Map<String, String> chosen = explicit(form, access, types, header, explicit);
        // the column every export adds: the tier is computed, never imported
        Set<String> tierHeaders = new HashSet<>(List.of("tier", "层级", normal(Messages.text(Messages.ZH, "form.export.tier")),
                normal(Messages.text(Messages.EN, "form.export.tier"))));
        List<Column> columns = new ArrayList<>();
        List<Ignored> ignored = new ArrayList<>();
        Set<Long> filled = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String title = header.get(i) == null ? "" : header.get(i).strip();
            String name = normal(title);
            if (name.isEmpty()) {
                continue;
            }
            FieldDefinition field;
            if (chosen.containsKey(name)) {
                String key = chosen.get(name);
                if (key == null) {
                    ignored.add(ignored(title, "mapping", locale));
                    continue;
                }
                field = form.field(key).orElseThrow();
            } else if (tierHeaders.contains(name)) {
                ignored.add(ignored(title, "tier", locale));
                continue;
            } else {
                field = byName(form, name);
            }
            if (field == null || access.hidden(field.key())) {
                ignored.add(ignored(title, "unknown", locale));
            } else if (types.get(field.type()).computed()) {
                ignored.add(ignored(title, "computed", locale));
            } else if (!types.get(field.type()).importable()) {
                ignored.add(ignored(title, "not-importable", locale));
            } else if (!access.editable(field.key())) {
                ignored.add(ignored(title, "readonly", locale));
            } else if (!filled.add(field.id())) {
                ignored.add(ignored(title, "duplicate", locale));
            } else {
                columns.add(new Column(i, title, field, types.get(field.type())));
            }
        }
        if (columns.isEmpty()) {
            throw Problem.badRequest("form.import.no-columns");
        }
        return new ColumnMapping(columns, ignored);
    }

    /** The caller's mapping by normalised header; every entry must name a column of the file and a writable field. */
    private static Map<String, String> explicit(FormDefinition form, RoleAccess access, FieldTypes types,
            List<String> header, JsonNode mapping) {
        Map<String, String> chosen = new HashMap<>();
        if (mapping == null || mapping.isNull()) {
            return chosen;
        }
        if (!mapping.isObject()) {
            throw Problem.invalid(List.of(new FieldProblem("mapping", "form.import.mapping-json")));
        }
        Set<String> headers = new HashSet<>();
        header.forEach(h -> headers.add(normal(h)));
        List<FieldProblem> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = mapping.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "mapping." + e.getKey();
            JsonNode value = e.getValue();
            if (!headers.contains(normal(e.getKey()))) {
                problems.add(new FieldProblem(path, "form.import.mapping-column", e.getKey()));
                continue;
            }
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                chosen.put(normal(e.getKey()), null);
                continue;
            }
            if (!value.isTextual()) {
                problems.add(new FieldProblem(path, "form.import.mapping-json"));
                continue;
            }
            FieldDefinition field = form.field(value.asText().strip()).filter(f -> !access.hidden(f.key())).orElse(null);
            if (field == null) {
                problems.add(new FieldProblem(path, "form.import.mapping-field", value.asText()));
            } else if (types.get(field.type()).computed() || !types.get(field.type()).importable()
                    || !access.editable(field.key())) {
                problems.add(new FieldProblem(path, "form.import.mapping-not-writable", field.label()));
            } else {
                chosen.put(normal(e.getKey()), field.key());
            }
        }
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        return chosen;
    }

    /** The field whose label, else whose key, is {@code name}. */
    private static FieldDefinition byName(FormDefinition form, String name) {
        for (FieldDefinition f : form.fields()) {
            if (normal(f.label()).equals(name)) {
                return f;
            }
        }
        for (FieldDefinition f : form.fields()) {
            if (normal(f.key()).equals(name)) {
                return f;
            }
        }
        return null;
    }

    private static Ignored ignored(String column, String reason, Locale locale) {
        return new Ignored(column, reason, Messages.text(locale, "form.import.ignored." + reason));
    }

    static String normal(String text) {
        return text == null ? "" : CellSafety.restore(text.strip()).strip().toLowerCase(Locale.ROOT);
    }
}
