package io.tierflow.form.type;

import io.tierflow.rule.formula.ValueType;
import java.util.List;

/** The filter operator names each value type offers by default; types with other needs override {@link FieldType#operators}. */
public final class FilterOperators {

    public static final List<String> TEXT = List.of("eq", "neq", "contains", "not_contains", "starts_with", "in", "not_in",
            "empty", "not_empty");
    public static final List<String> NUMBER = List.of("eq", "neq", "gt", "gte", "lt", "lte", "between", "empty", "not_empty");
    public static final List<String> TIME = List.of("eq", "before", "after", "between", "last_days", "next_days",
            "empty", "not_empty");
    public static final List<String> BOOLEAN = List.of("eq", "empty", "not_empty");
    public static final List<String> CHOICE = List.of("eq", "neq", "in", "not_in", "empty", "not_empty");
    public static final List<String> MULTI_CHOICE = List.of("has_any", "has_all", "empty", "not_empty");

    private FilterOperators() {
    }

    public static List<String> forValueType(ValueType type) {
        return switch (type) {
            case NUMBER -> NUMBER;
            case DATE, DATETIME -> TIME;
            case BOOLEAN -> BOOLEAN;
            case TEXT, NULL -> TEXT;
        };
    }
}
