package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import io.tierflow.rule.formula.FormulaValues;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** SUM(a, b, …): sum of the non-null numbers; all null → 0. */
@ApplicationScoped
public class SumFunction extends AbstractFormulaFunction {
    public SumFunction() {
        super(FunctionGroup.MATH, "SUM", "SUM(number1, number2, ...)",
                "The sum of the numbers. Null values are ignored (unlike '+'); if all are null the result is 0.",
                "各数字之和。忽略空值（与 “+” 不同）；全部为空时结果为 0。",
                "SUM(q1, q2, q3, q4)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, Integer.MAX_VALUE);
        expectAll(t, 0, ValueType.NUMBER);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        BigDecimal s = BigDecimal.ZERO;
        for (Object o : a) {
            if (o != null) {
                s = FormulaValues.checkNumber(s.add(num(o), FormulaValues.MC));
                if (s == null) {
                    return null;
                }
            }
        }
        return s;
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_sum(" + a.list(ValueType.NUMBER) + ")";
    }
}
