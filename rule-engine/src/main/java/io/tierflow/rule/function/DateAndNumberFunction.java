package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * A date and an optional number, {@code NAME(date[, number])}, the number defaulting to {@code byDefault}: a null
 * date or number → null, else {@link #compute(LocalDate, BigDecimal)}. SQL: {@code <sqlFunction>(date, number)}.
 */
abstract class DateAndNumberFunction extends AbstractFormulaFunction {
    private final ValueType result;
    private final BigDecimal byDefault;
    private final String sqlFunction;

    DateAndNumberFunction(String name, String signature, ValueType result, BigDecimal byDefault, String sqlFunction,
                          String en, String zh, String... examples) {
        super(FunctionGroup.DATE, name, signature, en, zh, examples);
        this.result = result;
        this.byDefault = byDefault;
        this.sqlFunction = sqlFunction;
    }

    /** The result for a date and a number, neither null; null when it has none. */
    abstract Object compute(LocalDate date, BigDecimal number);

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 2);
        expect(t, 0, ValueType.DATE, ValueType.DATETIME);
        if (t.size() > 1) {
            expect(t, 1, ValueType.NUMBER);
        }
        return result;
    }

    @Override
    public Object apply(Object[] a) {
        LocalDate d = date(a[0]);
        BigDecimal n = a.length > 1 ? num(a[1]) : byDefault;
        return d == null || n == null ? null : compute(d, n);
    }

    @Override
    public String sql(SqlArgs a) {
        String n = a.size() > 1 ? a.get(1, ValueType.NUMBER) : a.param(byDefault);
        return sqlFunction + "(" + a.date(0) + ", " + n + ")";
    }
}
