package io.tierflow.rule.formula;

import java.util.Objects;

/** A field that formulas may reference by {@code key}; its value is passed at evaluation under {@code fieldId}. */
public record FieldRef(String key, long fieldId, ValueType type) {
    public FieldRef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        if (type == ValueType.NULL) {
            throw new IllegalArgumentException("a field cannot have type NULL: " + key);
        }
    }
}
