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
 * columns {@code tier}, {@code stage}, {@code owner}, {@code created_by}, {@code created_at}, {@code updated_by},
 * {@code updated_at} and {@code id}. The SQL is derived from ids.
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

    /** System columns by the key filters and sorts use: {type, column}. */
    private static final Map<String, String[]> SYSTEM = Map.of("tier", new String[] {"text", "tier"},
            "stage", new String[] {"text", "stage"}, "created_at", new String[] {"datetime", "created_at"},
            "updated_at", new String[] {"datetime", "updated_at"}, "id", new String[] {"number", "id"},
            "owner", new String[] {"member", "owner_id"}, "created_by", new String[] {"member", "created_by"},
            "updated_by", new String[] {"member", "updated_by"});

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
        String[] system = SYSTEM.get(key);
        if (system == null) {
            return Optional.empty();
        }
        FieldDefinition column = new FieldDefinition(0, key, key, system[0], false,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), 0);
        return Optional.of(new Column(key, "r." + system[1], column, types.get(system[0])));
    }
}
