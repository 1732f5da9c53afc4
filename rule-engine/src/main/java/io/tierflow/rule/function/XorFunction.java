package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** XOR(a, b, …): true when an odd number of the conditions are true; null counts as false. */
@ApplicationScoped
public class XorFunction extends ConditionsFunction {
    public XorFunction() {
        super("XOR",
                "True when an odd number of the conditions are true (for two: exactly one). Null counts as false.",
                "为真的条件个数为奇数时返回真（两个条件时即恰好一个为真）。空值视为假。",
                "XOR(vip, amount > 10000)");
    }

    @Override
    public Object apply(Object[] a) {
        boolean r = false;
        for (Object o : a) {
            r ^= truthy(o);
        }
        return r;
    }

    @Override
    public String sql(SqlArgs a) {
        String r = "COALESCE(" + a.get(0, ValueType.BOOLEAN) + ", FALSE)";
        for (int i = 1; i < a.size(); i++) {
            r = "(" + r + " <> COALESCE(" + a.get(i, ValueType.BOOLEAN) + ", FALSE))";
        }
        return r;
    }
}
