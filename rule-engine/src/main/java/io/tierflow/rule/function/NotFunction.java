package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** NOT(condition): null counts as false, so NOT(null) is true. */
@ApplicationScoped
public class NotFunction extends AbstractFormulaFunction {
    public NotFunction() {
        super(FunctionGroup.LOGIC, "NOT", "NOT(condition)",
                "True when the condition is false or null.",
                "条件为假或为空时返回真。",
                "NOT(ISBLANK(owner))");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 1);
        expect(t, 0, ValueType.BOOLEAN);
        return ValueType.BOOLEAN;
    }

    @Override
    public Object apply(Object[] a) {
        return !truthy(a[0]);
    }

    @Override
    public String sql(SqlArgs a) {
        return "(NOT COALESCE(" + a.get(0, ValueType.BOOLEAN) + ", FALSE))";
    }
}
