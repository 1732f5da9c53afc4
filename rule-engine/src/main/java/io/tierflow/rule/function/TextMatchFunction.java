package io.tierflow.rule.function;

import java.util.List;
import java.util.function.BiPredicate;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * A case-sensitive test of a text against a part, {@code NAME(text, part)}: false when either is null.
 * SQL: {@code <sqlFunction>(text, part)}.
 */
abstract class TextMatchFunction extends AbstractFormulaFunction {
    private final BiPredicate<String, String> test;
    private final String sqlFunction;

    TextMatchFunction(String name, String signature, BiPredicate<String, String> test, String sqlFunction, String en,
                      String zh, String... examples) {
        super(FunctionGroup.TEXT, name, signature, en, zh, examples);
        this.test = test;
        this.sqlFunction = sqlFunction;
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, 2);
        expectAll(t, 0, ValueType.TEXT);
        return ValueType.BOOLEAN;
    }

    @Override
    public Object apply(Object[] a) {
        return a[0] != null && a[1] != null && test.test(text(a[0]), text(a[1]));
    }

    @Override
    public String sql(SqlArgs a) {
        return sqlFunction + "(" + a.list(ValueType.TEXT) + ")";
    }
}
