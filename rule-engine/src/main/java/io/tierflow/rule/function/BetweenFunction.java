package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaRuntime;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * BETWEEN(value, low, high): low ≤ value ≤ high, as {@code <=} compares (text by code point); any null → false, and
 * false when low &gt; high.
 */
@ApplicationScoped
public class BetweenFunction extends AbstractFormulaFunction {
    public BetweenFunction() {
        super(FunctionGroup.LOGIC, "BETWEEN", "BETWEEN(value, low, high)",
                "True when low <= value <= high (both ends included). Numbers, texts, dates or date-times, all of the same type. False when any of them is null or low is above high.",
                "当 下限 <= 值 <= 上限 时返回真（包含两端）。数字、文本、日期或日期时间均可，类型必须相同。任一为空或下限大于上限时返回假。",
                "BETWEEN(score, 60, 80)", "BETWEEN(signedOn, DATE(2024, 1, 1), DATE(2024, 12, 31))");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 3, 3);
        expectAll(t, 0, ValueType.NUMBER, ValueType.TEXT, ValueType.DATE, ValueType.DATETIME);
        unifyAll(t, 0);
        return ValueType.BOOLEAN;
    }

    @Override
    public Object apply(Object[] a) {
        return FormulaRuntime.ge(a[0], a[1]) && FormulaRuntime.le(a[0], a[2]);
    }

    @Override
    public String sql(SqlArgs a) {
        ValueType u = ValueType.NULL;
        for (ValueType t : a.types()) {
            u = t == ValueType.NULL ? u : t;
        }
        if (u == ValueType.NULL || u == ValueType.TEXT) {
            return "tf_between_text(" + a.list(ValueType.TEXT) + ")";
        }
        return "COALESCE((" + a.get(0, u) + " BETWEEN " + a.get(1, u) + " AND " + a.get(2, u) + "), FALSE)";
    }
}
