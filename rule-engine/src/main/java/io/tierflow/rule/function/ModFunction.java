package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaRuntime;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * MOD(a, b): the remainder with the sign of the divisor, as in spreadsheets (MOD(-7, 2) = 1), unlike {@code %}, whose
 * remainder has the sign of a. From {@code %}'s remainder r: r + b when r ≠ 0 and its sign differs from b's
 * (rounded). Null, b = 0 or an integer quotient of more than 16 digits → null. SQL: tf_floormod.
 */
@ApplicationScoped
public class ModFunction extends AbstractFormulaFunction {
    public ModFunction() {
        super(FunctionGroup.MATH, "MOD", "MOD(number, divisor)",
                "The remainder of number divided by divisor, with the sign of the divisor (MOD(-7, 2) is 1; the '%' operator gives -1). Null when either is null, the divisor is 0 or the whole quotient has more than 16 digits.",
                "数字除以除数的余数，符号与除数相同（MOD(-7, 2) 为 1；“%” 运算符得 -1）。任一为空、除数为 0 或整数商超过 16 位时返回空。",
                "MOD(visits, 7)", "MOD(YEAR(TODAY()), 4) == 0");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, 2);
        expectAll(t, 0, ValueType.NUMBER);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        BigDecimal r = FormulaRuntime.mod(a[0], a[1]);
        if (r == null || r.signum() == 0 || r.signum() == num(a[1]).signum()) {
            return r;
        }
        return FormulaRuntime.add(r, a[1]);
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_floormod(" + a.get(0, ValueType.NUMBER) + ", " + a.get(1, ValueType.NUMBER) + ")";
    }
}
