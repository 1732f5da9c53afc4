package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaValues;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** PRODUCT(a, b, …): the product of the non-null numbers, rounded per step; all null → null. SQL: tf_product. */
@ApplicationScoped
public class ProductFunction extends AbstractFormulaFunction {
    public ProductFunction() {
        super(FunctionGroup.MATH, "PRODUCT", "PRODUCT(number1, number2, ...)",
                "The product of the numbers. Null values are left out (unlike '*'); null if all are null or the product overflows.",
                "各数字的乘积。忽略空值（与 “*” 不同）；全部为空或溢出时返回空。",
                "PRODUCT(price, quantity, discount)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, Integer.MAX_VALUE);
        expectAll(t, 0, ValueType.NUMBER);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        BigDecimal p = null;
        for (Object o : a) {
            if (o != null) {
                p = p == null ? num(o) : FormulaValues.checkNumber(p.multiply(num(o), FormulaValues.MC));
                if (p == null) {
                    return null;
                }
            }
        }
        return p;
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_product(" + a.list(ValueType.NUMBER) + ")";
    }
}
