package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** LN(number): the natural logarithm; null for 0, negative numbers and null. SQL: tf_ln. */
@ApplicationScoped
public class LnFunction extends AbstractFormulaFunction {
    public LnFunction() {
        super(FunctionGroup.MATH, "LN", "LN(number)",
                "The natural logarithm (base e) of a number (16 significant digits). Null for 0, a negative number or null.",
                "数字的自然对数（以 e 为底，16 位有效数字）。0、负数或空值返回空。", "LN(1 + amount)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 1);
        expect(t, 0, ValueType.NUMBER);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        return a[0] == null ? null : HighPrecision.approx(HighPrecision.ln(num(a[0])));
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_ln(" + a.get(0, ValueType.NUMBER) + ")";
    }
}
