package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** SIGN(number): -1, 0 or 1; null → null. */
@ApplicationScoped
public class SignFunction extends AbstractFormulaFunction {
    public SignFunction() {
        super(FunctionGroup.MATH, "SIGN", "SIGN(number)",
                "1 for a positive number, -1 for a negative one, 0 for zero. Null gives null.",
                "正数返回 1，负数返回 -1，零返回 0。空值返回空。", "SIGN(balance)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 1);
        expect(t, 0, ValueType.NUMBER);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        return a[0] == null ? null : BigDecimal.valueOf(num(a[0]).signum());
    }

    @Override
    public String sql(SqlArgs a) {
        return "sign(" + a.get(0, ValueType.NUMBER) + ")";
    }
}
