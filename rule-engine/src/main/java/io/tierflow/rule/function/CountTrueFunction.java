package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** COUNTTRUE(c1, c2, …): how many of the conditions are true (null counts as false). */
@ApplicationScoped
public class CountTrueFunction extends AbstractFormulaFunction {
    public CountTrueFunction() {
        super(FunctionGroup.LOGIC, "COUNTTRUE", "COUNTTRUE(condition1, condition2, ...)",
                "How many of the conditions are true (null counts as false), e.g. to require 2 of 3 criteria.",
                "统计为真的条件个数（空值视为假），例如用于“满足三项中的两项”。",
                "COUNTTRUE(amount > 10000, visits >= 3, vip) >= 2");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, Integer.MAX_VALUE);
        expectAll(t, 0, ValueType.BOOLEAN);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        int n = 0;
        for (Object o : a) {
            n += truthy(o) ? 1 : 0;
        }
        return BigDecimal.valueOf(n);
    }

    /** num_nonnulls over NULLIF(c, FALSE): only the true conditions stay not null. */
    @Override
    public String sql(SqlArgs a) {
        StringBuilder sb = new StringBuilder("CAST(num_nonnulls(");
        for (int i = 0; i < a.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append("NULLIF(").append(a.get(i, ValueType.BOOLEAN)).append(", FALSE)");
        }
        return sb.append(") AS numeric)").toString();
    }
}
