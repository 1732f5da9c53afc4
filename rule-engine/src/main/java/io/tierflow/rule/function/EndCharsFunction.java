package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * Characters from one end of a text, {@code NAME(text[, count])}: count in code points (default 1, truncated, below 0
 * as 0, see {@link #count}); a null text or count → null. SQL: PostgreSQL's {@code left}/{@code right}, which also
 * count characters.
 */
abstract class EndCharsFunction extends AbstractFormulaFunction {
    private final String sqlFunction;

    EndCharsFunction(String name, String sqlFunction, String en, String zh, String... examples) {
        super(FunctionGroup.TEXT, name, name + "(text, count)", en, zh, examples);
        this.sqlFunction = sqlFunction;
    }

    /** The {@code n} characters at this function's end of {@code s}; all of it if it is shorter. */
    abstract String take(String s, int n);

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 2);
        expect(t, 0, ValueType.TEXT);
        if (t.size() > 1) {
            expect(t, 1, ValueType.NUMBER);
        }
        return ValueType.TEXT;
    }

    @Override
    public Object apply(Object[] a) {
        if (a[0] == null || a.length > 1 && a[1] == null) {
            return null;
        }
        return take(text(a[0]), a.length > 1 ? count(num(a[1])) : 1);
    }

    @Override
    public String sql(SqlArgs a) {
        String n = a.size() > 1 ? a.get(1, ValueType.NUMBER) : a.param(BigDecimal.ONE);
        return sqlFunction + "(" + a.get(0, ValueType.TEXT) + ", tf_count(" + n + "))";
    }
}
