package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaValues;

/** PRODUCT(a, b, …): the product of the non-null numbers, rounded per step; all null → null. SQL: tf_product. */
@ApplicationScoped
public class ProductFunction extends NumbersFunction {
    public ProductFunction() {
        super("PRODUCT", "tf_product",
                "The product of the numbers. Null values are left out (unlike '*'); null if all are null or the product overflows.",
                "各数字的乘积。忽略空值（与 “*” 不同）；全部为空或溢出时返回空。",
                "PRODUCT(price, quantity, discount)");
    }

    @Override
    public Object apply(Object[] a) {
        return fold(a, null, (p, x) -> p.multiply(x, FormulaValues.MC));
    }
}
