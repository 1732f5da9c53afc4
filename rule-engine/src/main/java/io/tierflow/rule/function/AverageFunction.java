package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaRuntime;
import io.tierflow.rule.formula.FormulaValues;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** AVERAGE(a, b, …): SUM of the non-null numbers divided by their count; all null → null. SQL: tf_average. */
@ApplicationScoped
public class AverageFunction extends AbstractFormulaFunction {
    public AverageFunction() {
        super(FunctionGroup.MATH, "AVERAGE", "AVERAGE(number1, number2, ...)",
                "The average of the numbers; null values are left out (they do not count as 0). Null if all are null.",
                "各数字的平均值；空值不参与计算（不按 0 计）。全部为空时返回空。",
                "AVERAGE(q1, q2, q3, q4)", "AVERAGE(valueScore, needScore, behaviourScore)");
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
        int n = 0;
        for (Object o : a) {
            if (o != null) {
                s = FormulaValues.checkNumber(s.add(num(o), FormulaValues.MC));
                if (s == null) {
                    return null;
                }
                n++;
            }
        }
        return n == 0 ? null : FormulaRuntime.div(s, BigDecimal.valueOf(n));
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_average(" + a.list(ValueType.NUMBER) + ")";
    }
}
