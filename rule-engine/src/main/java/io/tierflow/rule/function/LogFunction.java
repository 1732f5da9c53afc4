package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * LOG(number[, base]): ln number / ln base (base 10 by default); null for number ≤ 0, base ≤ 0, base = 1 and nulls.
 * SQL: tf_log.
 */
@ApplicationScoped
public class LogFunction extends AbstractFormulaFunction {
    public LogFunction() {
        super(FunctionGroup.MATH, "LOG", "LOG(number, base)",
                "The logarithm of a number to the given base (default 10), e.g. LOG(8, 2) is 3 (16 significant digits). Null for a number or base that is 0 or negative, for base 1 and for null.",
                "数字以指定底数（默认 10）的对数，如 LOG(8, 2) 为 3（16 位有效数字）。数字或底数为 0 或负数、底数为 1 或有空值时返回空。",
                "LOG(amount, 2)", "LOG(1000)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 2);
        expectAll(t, 0, ValueType.NUMBER);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        return log(num(a[0]), a.length > 1 ? num(a[1]) : BigDecimal.TEN);
    }

    static BigDecimal log(BigDecimal x, BigDecimal base) {
        if (x == null || base == null || x.signum() <= 0 || base.signum() <= 0
                || base.compareTo(BigDecimal.ONE) == 0) {
            return null;
        }
        return HighPrecision.approx(HighPrecision.ln(x).divide(HighPrecision.ln(base), HighPrecision.WORK));
    }

    @Override
    public String sql(SqlArgs a) {
        String base = a.size() > 1 ? a.get(1, ValueType.NUMBER) : a.param(BigDecimal.TEN);
        return "tf_log(" + a.get(0, ValueType.NUMBER) + ", " + base + ")";
    }
}
