package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** ABS(number): absolute value; null → null. */
@ApplicationScoped
public class AbsFunction extends AbstractFormulaFunction {
    public AbsFunction() {
        super(FunctionGroup.MATH, "ABS", "ABS(number)", "The absolute value of a number. Null gives null.",
                "数字的绝对值。空值返回空。", "ABS(balance)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 1);
        expect(t, 0, ValueType.NUMBER);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        return a[0] == null ? null : num(a[0]).abs();
    }

    @Override
    public String sql(SqlArgs a) {
        return "abs(" + a.get(0, ValueType.NUMBER) + ")";
    }
}
