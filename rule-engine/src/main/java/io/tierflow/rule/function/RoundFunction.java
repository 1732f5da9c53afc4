package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** ROUND(number[, digits]): half-up rounding to digits (-20..20, default 0) decimal places; null → null. */
@ApplicationScoped
public class RoundFunction extends AbstractFormulaFunction {
    static final int MAX_DIGITS = 20;

    public RoundFunction() {
        super(FunctionGroup.MATH, "ROUND", "ROUND(number, digits)",
                "Rounds half up to the given number of decimal places (default 0; negative rounds to tens, hundreds…; limited to -20..20). Null gives null.",
                "按四舍五入保留指定位小数（默认 0 位；负数表示舍入到十位、百位……；范围 -20 到 20）。空值返回空。",
                "ROUND(amount * 0.4, 2)", "ROUND(1234.5)", "ROUND(1234, -2)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 2);
        expectAll(t, 0, ValueType.NUMBER);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        BigDecimal x = num(a[0]);
        int digits = 0;
        if (a.length > 1) {
            if (a[1] == null) {
                return null;
            }
            BigDecimal d = num(a[1]);
            if (d.abs().compareTo(BigDecimal.valueOf(MAX_DIGITS)) > 0) {
                d = BigDecimal.valueOf(d.signum() * MAX_DIGITS);
            }
            digits = d.setScale(0, RoundingMode.DOWN).intValue();
        }
        return x == null ? null : x.setScale(digits, RoundingMode.HALF_UP);
    }

    @Override
    public String sql(SqlArgs a) {
        if (a.size() == 1) {
            return "round(" + a.get(0, ValueType.NUMBER) + ")";
        }
        return "tf_round(" + a.get(0, ValueType.NUMBER) + ", " + a.get(1, ValueType.NUMBER) + ")";
    }
}
