package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** IF(condition, then, else): both branches are evaluated (no side effects exist); a null condition counts as false. */
@ApplicationScoped
public class IfFunction extends AbstractFormulaFunction {
    public IfFunction() {
        super(FunctionGroup.LOGIC, "IF", "IF(condition, then, else)",
                "Returns 'then' when the condition is true, otherwise 'else' (a null condition counts as false). Both values must have the same type.",
                "条件为真时返回“then”，否则返回“else”（条件为空视为假）。两个值的类型必须相同。",
                "IF(score >= 80, \"A\", \"B\")", "IF(amount > 1000, amount * 0.1, 0)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 3, 3);
        expect(t, 0, ValueType.BOOLEAN);
        return unifyAll(t, 1);
    }

    @Override
    public Object apply(Object[] a) {
        return truthy(a[0]) ? a[1] : a[2];
    }

    @Override
    public boolean resultIsAnArgument() {
        return true;
    }

    @Override
    public String sql(SqlArgs a) {
        return "CASE WHEN " + a.get(0, ValueType.BOOLEAN) + " THEN " + a.get(1) + " ELSE " + a.get(2) + " END";
    }
}
