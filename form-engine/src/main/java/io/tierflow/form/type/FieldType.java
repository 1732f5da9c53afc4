package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import java.util.List;

/**
 * One kind of column. Everything that differs between field kinds lives in its implementation, found by CDI
 * through {@link FieldTypes}; nothing else switches over type names.
 */
public interface FieldType {

    /** The stable type name stored in {@code form_field.type}. */
    String id();

    /** The PostgreSQL column type of {@code f_<id>}; never derived from user text. */
    String columnType(FieldDefinition field);

    /** What a formula sees when it reads this field. */
    ValueType valueType(FieldDefinition field);

    /** Computed fields are written by the platform, never by the caller. */
    default boolean computed() {
        return false;
    }

    /** The settings this type offers in the designer, with their defaults. */
    default java.util.List<ConfigOption> configOptions() {
        return java.util.List.of();
    }

    /** What a formula reads for a stored value; plain values (text, number, boolean, date) pass unchanged. */
    default Object formulaValue(FieldDefinition field, Object value) {
        return value;
    }

    /** Problems in the builder's configuration; {@code path} prefixes each problem's field path. */
    default List<FieldProblem> checkConfig(FieldDefinition field, String path) {
        return List.of();
    }

    /** Turns a caller's JSON (or form-post text) into the stored Java value; null for empty. */
    Object parse(FieldDefinition field, JsonNode input) throws FieldValueException;

    /** Turns a stored column value (as {@code to_jsonb} renders it) back into the Java value. */
    default Object read(FieldDefinition field, JsonNode stored) {
        try {
            return parse(field, stored);
        } catch (FieldValueException e) {
            return stored.asText();
        }
    }

    /** The text a person reads for a stored value (a select shows its option's label, not its key). */
    default String display(FieldDefinition field, Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * The filter operators this type supports (see {@code RecordFilter}); by default those that fit its value type.
     */
    default java.util.List<String> operators(FieldDefinition field) {
        return FilterOperators.forValueType(valueType(field));
    }

    /** Reads a filter's comparison value; by default the same way as input. */
    default Object filterValue(FieldDefinition field, JsonNode value) throws FieldValueException {
        return parse(field, value);
    }

    /**
     * The SQL predicate for operator {@code op} when this type's column is not compared as it is (a region's
     * codes sit inside a jsonb object); null leaves it to {@code RecordFilter}'s usual SQL. Values go through
     * {@code bind}, which returns their placeholder; never into the SQL text.
     */
    default String filterSql(FieldDefinition field, String column, String op, JsonNode value,
            java.util.function.Function<Object, String> bind) throws FieldValueException {
        return null;
    }

    /**
     * The SQL that reads from {@code column} what {@link #formulaValue} gives a formula, for the set-based back end
     * (bulk re-tiering, simulation); null when the column already holds it. Both must give the same answer.
     */
    default String formulaSql(FieldDefinition field, String column) {
        return null;
    }

    /** The text an export writes for a stored value; by default what a person reads ({@link #display}). */
    default String exportText(FieldDefinition field, Object value) {
        return display(field, value);
    }

    /** Whether an import may fill this field from a cell; files, for one, are uploaded, never imported. */
    default boolean importable() {
        return true;
    }

    /** Whether the record list's text search looks into this field. */
    default boolean searchable() {
        return false;
    }

    /** The input widget the pages render for this type. */
    String widget();
}
