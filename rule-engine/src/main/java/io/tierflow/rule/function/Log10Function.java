package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** LOG10(number): the base-10 logarithm; LOG10(1000) = 3; null for 0, negative numbers and null. SQL: tf_log. */
@ApplicationScoped
public class Log10Function extends AbstractFormulaFunction {
    public Log10Function() {
        super(FunctionGroup.MATH, "LOG10", "LOG10(number)",
                "The base-10 logarithm of a number, e.g. LOG10(1000) is 3 (16 significant digits). Null for 0, a negative number or null.",
                "数字以 10 为底的对数，如 LOG10(1000) 为 3（16 位有效数字）。0、负数或空值返回空。",
                "LOG10(amount)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 1);
        expect(t, 0, ValueType.NUMBER);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        return LogFunction.log(num(a[0]), java.math.BigDecimal.TEN);
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_log(" + a.get(0, ValueType.NUMBER) + ", " + a.param(java.math.BigDecimal.TEN) + ")";
    }
}
