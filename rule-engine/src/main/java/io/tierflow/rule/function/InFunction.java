package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * IN(value, a, b, …): true when the value equals one of the others (as {@code ==} compares: numbers by value, text
 * exactly, date-times by instant); a null value, or null candidates, never match. SQL: {@code x IN (…)}.
 */
@ApplicationScoped
public class InFunction extends AbstractFormulaFunction {
    public InFunction() {
        super(FunctionGroup.LIST, "IN", "IN(value, candidate1, candidate2, ...)",
                "True when the value equals one of the candidates (text exactly, case-sensitive). False when the value is null; null candidates never match. The candidates must have the value's type.",
                "值等于任一候选值时返回真（文本须完全相同，区分大小写）。值为空时返回假；为空的候选值不参与匹配。候选值的类型必须与值相同。",
                "IN(region, \"华东\", \"华南\")", "IN(level, 1, 2)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, Integer.MAX_VALUE);
        unifyAll(t, 0);
        return ValueType.BOOLEAN;
    }

    @Override
    public Object apply(Object[] a) {
        if (a[0] == null) {
            return false;
        }
        for (int i = 1; i < a.length; i++) {
            if (a[i] != null && same(a[0], a[i])) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String sql(SqlArgs a) {
        ValueType u = ValueType.TEXT;
        for (ValueType t : a.types()) {
            u = t == ValueType.NULL ? u : t;
        }
        StringBuilder sb = new StringBuilder("COALESCE((").append(a.get(0, u)).append(" IN (");
        for (int i = 1; i < a.size(); i++) {
            sb.append(i == 1 ? "" : ", ").append(a.get(i, u));
        }
        return sb.append(")), FALSE)").toString();
    }
}
