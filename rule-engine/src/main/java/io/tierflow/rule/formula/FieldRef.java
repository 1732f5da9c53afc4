package io.tierflow.rule.formula;

import java.util.Objects;

/**
 * A field that formulas may reference by {@code key}; its value is passed at evaluation under {@code fieldId}.
 * A negative id names a value a tier model derived (a score or a dimension's points): the output of another
 * formula, which the SQL back end reads as it is.
 */
public record FieldRef(String key, long fieldId, ValueType type) {
    public FieldRef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        if (type == ValueType.NULL) {
            throw new IllegalArgumentException("a field cannot have type NULL: " + key);
        }
    }
}
