package io.tierflow.rule.function;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * SWITCH(value, case1, result1, case2, result2, …[, otherwise]): the result after the first case equal to the value
 * (as {@code ==} compares: numbers by value, date-times by instant, text exactly); a null value or a null case never
 * matches. With an even number of arguments the last is the result when no case matches, else null.
 */
@ApplicationScoped
public class SwitchFunction extends AbstractFormulaFunction {
    public SwitchFunction() {
        super(FunctionGroup.LOGIC, "SWITCH", "SWITCH(value, case1, result1, case2, result2, ..., otherwise)",
                "Compares the value with each case in turn and returns the result after the first equal one. A null value or null case never matches. An extra last argument is the result when no case matches; without it the result is then null. Cases must have the value's type; results must all have one type.",
                "依次将值与各个匹配项比较，返回第一个相等的匹配项后面的结果。值为空或匹配项为空时不匹配。最后多出的一个参数是都不匹配时的结果；否则此时返回空。匹配项的类型必须与值相同，各结果的类型必须相同。",
                "SWITCH(region, \"华东\", \"E\", \"华南\", \"S\", \"其他\")", "SWITCH(level, 1, 100, 2, 80, 50)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 3, Integer.MAX_VALUE);
        int n = t.size();
        List<Integer> keys = new ArrayList<>(List.of(0));
        List<Integer> results = new ArrayList<>();
        for (int i = 1; i + 1 < n; i += 2) {
            keys.add(i);
            results.add(i + 1);
        }
        if (n % 2 == 0) {
            results.add(n - 1);
        }
        unifyAt(t, keys);
        return unifyAt(t, results);
    }

    @Override
    public Object apply(Object[] a) {
        Object x = a[0];
        for (int i = 1; i + 1 < a.length; i += 2) {
            if (x != null && a[i] != null && same(x, a[i])) {
                return a[i + 1];
            }
        }
        return a.length % 2 == 0 ? a[a.length - 1] : null;
    }

    @Override
    public boolean resultIsAnArgument() {
        return true;
    }

    @Override
    public String sql(SqlArgs a) {
        ValueType key = a.type(0);
        for (int i = 1; i + 1 < a.size(); i += 2) {
            if (key == ValueType.NULL) {
                key = a.type(i);
            }
        }
        if (key == ValueType.NULL) {
            key = ValueType.TEXT;
        }
        StringBuilder sb = new StringBuilder("CASE ").append(a.get(0, key));
        for (int i = 1; i + 1 < a.size(); i += 2) {
            sb.append(" WHEN ").append(a.get(i, key)).append(" THEN ").append(a.get(i + 1));
        }
        if (a.size() % 2 == 0) {
            sb.append(" ELSE ").append(a.get(a.size() - 1));
        }
        return sb.append(" END").toString();
    }
}
