package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * The ROUND family with one rounding mode each: {@code NAME(number[, digits])}, digits as ROUND reads them (default 0,
 * truncated, -20..20); null number or digits → null. Rounding at a digit position never needs more than 16 digits.
 */
abstract class DigitsRoundingFunction extends AbstractFormulaFunction {
    private final RoundingMode mode;
    private final String sqlWithDigits;
    private final String sqlWithoutDigits;

    DigitsRoundingFunction(String name, RoundingMode mode, String sqlWithDigits, String sqlWithoutDigits, String en,
                           String zh, String... examples) {
        super(FunctionGroup.MATH, name, name + "(number, digits)", en, zh, examples);
        this.mode = mode;
        this.sqlWithDigits = sqlWithDigits;
        this.sqlWithoutDigits = sqlWithoutDigits;
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 2);
        expectAll(t, 0, ValueType.NUMBER);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        if (a[0] == null || a.length > 1 && a[1] == null) {
            return null;
        }
        return num(a[0]).setScale(a.length > 1 ? digits(num(a[1])) : 0, mode);
    }

    @Override
    public String sql(SqlArgs a) {
        if (a.size() == 1) {
            return sqlWithoutDigits == null
                    ? sqlWithDigits + "(" + a.get(0, ValueType.NUMBER) + ", " + a.param(BigDecimal.ZERO) + ")"
                    : sqlWithoutDigits + "(" + a.get(0, ValueType.NUMBER) + ")";
        }
        return sqlWithDigits + "(" + a.get(0, ValueType.NUMBER) + ", " + a.get(1, ValueType.NUMBER) + ")";
    }
}
