package io.tierflow.form.type;

import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;

/** What the exact-decimal types (number, money, percent) share: a numeric column a formula reads as a number. */
public abstract class DecimalFieldType implements FieldType {

    @Override
    public String columnType(FieldDefinition field) {
        return "numeric";
    }

    @Override
    public ValueType valueType(FieldDefinition field) {
        return ValueType.NUMBER;
    }
}
