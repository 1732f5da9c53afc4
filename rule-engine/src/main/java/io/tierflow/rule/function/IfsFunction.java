package io.tierflow.rule.function;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * IFS(condition1, value1, condition2, value2, …[, otherwise]): the value of the first true condition (a null
 * condition counts as false); with an odd number of arguments the last is the value when none is true, else null.
 */
@ApplicationScoped
public class IfsFunction extends AbstractFormulaFunction {
    public IfsFunction() {
        super(FunctionGroup.LOGIC, "IFS", "IFS(condition1, value1, condition2, value2, ..., otherwise)",
                "Returns the value after the first true condition (a null condition counts as false). An odd last argument is the value when no condition is true; without it the result is then null. All values must have the same type.",
                "返回第一个为真的条件后面的值（条件为空视为假）。参数个数为奇数时，最后一个参数是所有条件都不成立时的值；否则此时返回空。所有值的类型必须相同。",
                "IFS(score >= 90, \"A\", score >= 75, \"B\", score >= 60, \"C\", \"D\")",
                "IFS(amount > 100000, 3, amount > 10000, 2)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, Integer.MAX_VALUE);
        int n = t.size();
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i + 1 < n; i += 2) {
            expect(t, i, ValueType.BOOLEAN);
            values.add(i + 1);
        }
        if (n % 2 == 1) {
            values.add(n - 1);
        }
        return unifyAt(t, values);
    }

    @Override
    public Object apply(Object[] a) {
        for (int i = 0; i + 1 < a.length; i += 2) {
            if (truthy(a[i])) {
                return a[i + 1];
            }
        }
        return a.length % 2 == 1 ? a[a.length - 1] : null;
    }

    @Override
    public boolean resultIsAnArgument() {
        return true;
    }

    @Override
    public String sql(SqlArgs a) {
        StringBuilder sb = new StringBuilder("CASE");
        for (int i = 0; i + 1 < a.size(); i += 2) {
            sb.append(" WHEN ").append(a.get(i, ValueType.BOOLEAN)).append(" THEN ").append(a.get(i + 1));
        }
        if (a.size() % 2 == 1) {
            sb.append(" ELSE ").append(a.get(a.size() - 1));
        }
        return sb.append(" END").toString();
    }
}
