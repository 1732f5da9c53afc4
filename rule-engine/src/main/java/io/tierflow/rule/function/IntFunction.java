package io.tierflow.rule.function;

import java.math.RoundingMode;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** INT(number): the largest whole number not above the number (INT(-2.5) = -3); null → null. */
@ApplicationScoped
public class IntFunction extends AbstractFormulaFunction {
    public IntFunction() {
        super(FunctionGroup.MATH, "INT", "INT(number)",
                "The number rounded down to a whole number: INT(2.7) is 2, INT(-2.5) is -3. Null gives null.",
                "向下取整：INT(2.7) 为 2，INT(-2.5) 为 -3。空值返回空。", "INT(amount / 1000)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 1);
        expect(t, 0, ValueType.NUMBER);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        return a[0] == null ? null : num(a[0]).setScale(0, RoundingMode.FLOOR);
    }

    @Override
    public String sql(SqlArgs a) {
        return "floor(" + a.get(0, ValueType.NUMBER) + ")";
    }
}
