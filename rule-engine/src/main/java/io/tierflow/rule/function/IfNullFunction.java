package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** IFNULL(value, fallback): the value, or the fallback when the value is null. */
@ApplicationScoped
public class IfNullFunction extends AbstractFormulaFunction {
    public IfNullFunction() {
        super(FunctionGroup.LOGIC, "IFNULL", "IFNULL(value, fallback)",
                "Returns the value, or the fallback when the value is null. Both must have the same type.",
                "返回该值；值为空时返回备用值。两者类型必须相同。",
                "IFNULL(amount, 0)", "IFNULL(owner, \"未分配\")");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, 2);
        return unifyAll(t, 0);
    }

    @Override
    public Object apply(Object[] a) {
        return a[0] != null ? a[0] : a[1];
    }

    @Override
    public boolean resultIsAnArgument() {
        return true;
    }

    @Override
    public String sql(SqlArgs a) {
        return "COALESCE(" + a.get(0) + ", " + a.get(1) + ")";
    }
}
