package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** COALESCE(a, b, …): the first value that is not null; all null → null. */
@ApplicationScoped
public class CoalesceFunction extends AbstractFormulaFunction {
    public CoalesceFunction() {
        super(FunctionGroup.LOGIC, "COALESCE", "COALESCE(value1, value2, ...)",
                "The first value that is not null; null if all are. All values must have the same type.",
                "返回第一个不为空的值；全部为空时返回空。所有值的类型必须相同。",
                "COALESCE(mobile, phone, \"无电话\")");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, Integer.MAX_VALUE);
        return unifyAll(t, 0);
    }

    @Override
    public Object apply(Object[] a) {
        for (Object o : a) {
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    @Override
    public boolean resultIsAnArgument() {
        return true;
    }

    @Override
    public String sql(SqlArgs a) {
        return "COALESCE(" + a.list(a.resultType()) + ")";
    }
}
