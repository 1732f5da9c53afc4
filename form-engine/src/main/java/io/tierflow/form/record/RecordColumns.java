package io.tierflow.form.record;

import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.type.FieldType;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.form.type.MultiSelectFieldType;
import io.tierflow.rule.formula.ValueType;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of a record table that filters and sorts may name: the form's fields by key, and the system
 * columns {@code tier}, {@code created_at}, {@code updated_at} and {@code id}. The SQL is derived from ids.
 */
public final class RecordColumns {

    /** A filterable, sortable column: its SQL over alias {@code r}, and the field and type that read its values. */
    public record Column(String key, String sql, FieldDefinition field, FieldType type) {

        boolean multi() {
            return type instanceof MultiSelectFieldType;
        }

        /** A jsonb value (files, a region, a sub-table): filtered by its type's own operators, never sorted. */
        boolean structured() {
            return type.columnType(field).equals("jsonb");
        }

        boolean dateOnly() {
            return type.valueType(field) == ValueType.DATE;
        }
    }

    private static final Map<String, String> SYSTEM = Map.of("tier", "text", "created_at", "datetime",
            "updated_at", "datetime", "id", "number");

    private final FormDefinition form;
    private final FieldTypes types;
    private final io.tierflow.form.model.RoleAccess access;

    /** @param access the viewer's access: a field hidden from them cannot be filtered or sorted on either */
    public RecordColumns(FormDefinition form, FieldTypes types, io.tierflow.form.model.RoleAccess access) {
        this.form = form;
        this.types = types;
        this.access = access;
    }

    public Optional<Column> find(String key) {
        Optional<FieldDefinition> field = form.field(key).filter(f -> !access.hidden(f.key()));
        if (field.isPresent()) {
            FieldDefinition f = field.get();
            return Optional.of(new Column(key, "r." + f.column(), f, types.get(f.type())));
        }
        String type = SYSTEM.get(key);
        if (type == null) {
            return Optional.empty();
        }
        FieldDefinition system = new FieldDefinition(0, key, key, type, false,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), 0);
        return Optional.of(new Column(key, "r." + key, system, types.get(type)));
    }
}
