package io.tierflow.rule.function;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * ANY and ALL over a list written as text with commas, which is how a formula reads a multi-select field ("a,b,c"):
 * {@code NAME(list, value1, value2, …)}. Items and values are compared after trimming spaces (String.trim), exactly
 * otherwise (case-sensitive); null values are ignored; a null list contains nothing. Linear in the list's length.
 * SQL: tf_any, tf_all.
 */
abstract class ListMatchFunction extends AbstractFormulaFunction {
    private final boolean all;

    ListMatchFunction(boolean all, String en, String zh, String... examples) {
        super(FunctionGroup.LIST, all ? "ALL" : "ANY", (all ? "ALL" : "ANY") + "(list, value1, value2, ...)", en, zh,
                examples);
        this.all = all;
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, Integer.MAX_VALUE);
        expectAll(t, 0, ValueType.TEXT);
        return ValueType.BOOLEAN;
    }

    @Override
    public Object apply(Object[] a) {
        if (a[0] == null) {
            return false;
        }
        Set<String> items = new HashSet<>();
        for (String item : text(a[0]).split(",", -1)) {
            items.add(item.trim());
        }
        for (int i = 1; i < a.length; i++) {
            if (a[i] != null) {
                boolean has = items.contains(text(a[i]).trim());
                if (has != all) {
                    return has;
                }
            }
        }
        return all;
    }

    @Override
    public String sql(SqlArgs a) {
        return (all ? "tf_all(" : "tf_any(") + a.list(ValueType.TEXT) + ")";
    }
}
