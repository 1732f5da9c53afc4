package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * POWER(base, exponent) = e^(exponent × ln |base|) to some 80 digits, rounded by {@link HighPrecision#approx}: exact
 * results such as POWER(2, 10) = 1024 or POWER(4, 0.5) = 2 come out exact. A negative base needs a whole exponent
 * (the sign follows its parity); 0^0 = 1, 0 to a positive power is 0, to a negative one null. The exponent is bounded
 * by the result: when exponent × ln |base| exceeds 2400 in size the result is null (overflow) or 0, so the work is
 * the same for every input. SQL: tf_power.
 */
@ApplicationScoped
public class PowerFunction extends AbstractFormulaFunction {
    public PowerFunction() {
        super(FunctionGroup.MATH, "POWER", "POWER(base, exponent)",
                "The base raised to the exponent (fractional exponents too, e.g. 0.5 for a square root). A negative base needs a whole exponent. Null when either is null, for 0 to a negative power, and when the result is out of range.",
                "底数的指数次幂（指数可以是小数，如 0.5 表示平方根）。底数为负时指数必须是整数。任一为空、0 的负数次幂或结果超出范围时返回空。",
                "POWER(1 + rate, years)", "POWER(amount, 0.5)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, 2);
        expectAll(t, 0, ValueType.NUMBER);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        if (a[0] == null || a[1] == null) {
            return null;
        }
        BigDecimal x = num(a[0]);
        BigDecimal y = num(a[1]);
        if (y.signum() == 0) {
            return BigDecimal.ONE;
        }
        if (x.signum() == 0) {
            return y.signum() > 0 ? BigDecimal.ZERO : null;
        }
        boolean whole = y.signum() == 0 || y.stripTrailingZeros().scale() <= 0;
        if (x.signum() < 0 && !whole) {
            return null;
        }
        BigDecimal t = y.multiply(HighPrecision.ln(x.abs()));
        if (t.compareTo(HighPrecision.EXP_LIMIT) > 0) {
            return null;
        }
        if (t.compareTo(HighPrecision.EXP_LIMIT.negate()) < 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal r = HighPrecision.approx(HighPrecision.exp(t));
        boolean odd = x.signum() < 0 && y.setScale(0, RoundingMode.DOWN).toBigInteger().testBit(0);
        return odd && r != null ? r.negate() : r;
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_power(" + a.get(0, ValueType.NUMBER) + ", " + a.get(1, ValueType.NUMBER) + ")";
    }
}
