package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** SQRT(number): the square root, rounded by {@link HighPrecision#approx}; negative or null → null. SQL: tf_sqrt. */
@ApplicationScoped
public class SqrtFunction extends AbstractFormulaFunction {
    public SqrtFunction() {
        super(FunctionGroup.MATH, "SQRT", "SQRT(number)",
                "The square root of a number (16 significant digits). Null for a negative number or null.",
                "数字的平方根（16 位有效数字）。负数或空值返回空。", "SQRT(visits)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 1);
        expect(t, 0, ValueType.NUMBER);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        return a[0] == null ? null : HighPrecision.approx(HighPrecision.sqrt(num(a[0])));
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_sqrt(" + a.get(0, ValueType.NUMBER) + ")";
    }
}
