package io.tierflow.rule.function;

import java.util.List;

import io.tierflow.rule.formula.FormulaRuntime;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** MAX(a, b, …): the largest non-null value (numbers, dates or date-times, all of one type); all null → null. */
@ApplicationScoped
public class MaxFunction extends AbstractFormulaFunction {
    public MaxFunction() {
        super(FunctionGroup.MATH, "MAX", "MAX(value1, value2, ...)",
                "The largest of the values (numbers, dates or date-times, all of the same type). Null values are ignored; if all are null the result is null.",
                "返回各值中最大的一个（数字、日期或日期时间，类型必须相同）。忽略空值；全部为空时返回空。",
                "MAX(amount, 100)", "MAX(score1, score2, score3)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, Integer.MAX_VALUE);
        expectAll(t, 0, ValueType.NUMBER, ValueType.DATE, ValueType.DATETIME);
        return unifyAll(t, 0);
    }

    @Override
    public Object apply(Object[] a) {
        Object best = null;
        for (Object o : a) {
            if (o != null && (best == null || FormulaRuntime.compare(o, best) > 0)) {
                best = o;
            }
        }
        return best;
    }

    @Override
    public String sql(SqlArgs a) {
        return "GREATEST(" + a.list(a.resultType()) + ")";
    }
}
