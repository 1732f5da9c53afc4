package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaValues;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * QUOTIENT(a, b): the whole part of a / b, truncated toward zero, computed exactly (not from the rounded a / b);
 * null for a null, b = 0 or a quotient of more than 16 significant digits. SQL: tf_quotient.
 */
@ApplicationScoped
public class QuotientFunction extends AbstractFormulaFunction {
    public QuotientFunction() {
        super(FunctionGroup.MATH, "QUOTIENT", "QUOTIENT(number, divisor)",
                "The whole part of number divided by divisor, cut toward zero (QUOTIENT(-7, 2) is -3). Null when either is null, the divisor is 0 or the quotient has more than 16 digits.",
                "数字除以除数的整数部分，向零截断（QUOTIENT(-7, 2) 为 -3）。任一为空、除数为 0 或商超过 16 位时返回空。",
                "QUOTIENT(visits, 7)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, 2);
        expectAll(t, 0, ValueType.NUMBER);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        if (a[0] == null || a[1] == null || num(a[1]).signum() == 0) {
            return null;
        }
        try {
            return FormulaValues.checkNumber(num(a[0]).divideToIntegralValue(num(a[1]), FormulaValues.MC));
        } catch (ArithmeticException e) {
            return null;  // "Division impossible": the quotient needs more than 16 digits
        }
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_quotient(" + a.get(0, ValueType.NUMBER) + ", " + a.get(1, ValueType.NUMBER) + ")";
    }
}
