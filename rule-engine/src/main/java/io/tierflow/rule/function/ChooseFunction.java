package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** CHOOSE(index, value1, value2, …): value number index (1-based, truncated); out of range or null → null. */
@ApplicationScoped
public class ChooseFunction extends AbstractFormulaFunction {
    public ChooseFunction() {
        super(FunctionGroup.LOGIC, "CHOOSE", "CHOOSE(index, value1, value2, ...)",
                "The value at the given position (1 is the first; a fraction is cut off). Null when the index is null or there is no value at that position. All values must have the same type.",
                "返回指定位置的值（1 表示第一个；小数部分舍去）。序号为空或该位置没有值时返回空。所有值的类型必须相同。",
                "CHOOSE(QUARTER(signedOn), \"春\", \"夏\", \"秋\", \"冬\")", "CHOOSE(level, 100, 80, 60)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, Integer.MAX_VALUE);
        expect(t, 0, ValueType.NUMBER);
        return unifyAll(t, 1);
    }

    @Override
    public Object apply(Object[] a) {
        if (a[0] == null) {
            return null;
        }
        BigDecimal k = num(a[0]).setScale(0, RoundingMode.DOWN);
        if (k.signum() <= 0 || k.compareTo(BigDecimal.valueOf(a.length - 1)) > 0) {
            return null;
        }
        return a[k.intValueExact()];
    }

    /** CASE trunc(index) WHEN 1 THEN value1 …: the positions are the only numbers written into the SQL text. */
    @Override
    public boolean resultIsAnArgument() {
        return true;
    }

    @Override
    public String sql(SqlArgs a) {
        StringBuilder sb = new StringBuilder("CASE trunc(").append(a.get(0, ValueType.NUMBER)).append(")");
        for (int i = 1; i < a.size(); i++) {
            sb.append(" WHEN ").append(i).append(" THEN ").append(a.get(i));
        }
        return sb.append(" END").toString();
    }
}
