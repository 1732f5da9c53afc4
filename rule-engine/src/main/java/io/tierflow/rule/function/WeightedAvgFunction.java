package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaRuntime;
import io.tierflow.rule.formula.FunctionArgumentException;
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * WEIGHTEDAVG(value1, weight1, value2, weight2, …): Σ value × weight / Σ weight over the pairs where neither is null,
 * each step rounded as the operators round; null when the weights add up to 0 or a sum overflows. SQL:
 * tf_weighted_avg.
 */
@ApplicationScoped
public class WeightedAvgFunction extends AbstractFormulaFunction {
    public WeightedAvgFunction() {
        super(FunctionGroup.SCORING, "WEIGHTEDAVG", "WEIGHTEDAVG(value1, weight1, value2, weight2, ...)",
                "The weighted average of the values: each value times its weight, added up, divided by the sum of the weights; e.g. a customer score from dimension scores and their weights. Pairs with a null value or weight are left out. Null when the weights add up to 0.",
                "各值的加权平均：每个值乘以其权重后求和，再除以权重之和；例如由各维度得分和权重计算客户综合得分。值或权重为空的一对不参与计算。权重之和为 0 时返回空。",
                "WEIGHTEDAVG(valueScore, 0.4, needScore, 0.2, behaviourScore, 0.3, lifecycleScore, 0.1)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, Integer.MAX_VALUE);
        if (t.size() % 2 != 0) {
            throw new FunctionArgumentException(-1,
                    "expects pairs of value and weight but got " + t.size() + " arguments.",
                    "参数必须成对出现（值和权重），实际为 " + t.size() + " 个。");
        }
        expectAll(t, 0, ValueType.NUMBER);
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        BigDecimal sv = BigDecimal.ZERO;
        BigDecimal sw = BigDecimal.ZERO;
        for (int i = 0; i + 1 < a.length; i += 2) {
            if (a[i] != null && a[i + 1] != null) {
                sv = FormulaRuntime.add(sv, FormulaRuntime.mul(a[i], a[i + 1]));
                sw = FormulaRuntime.add(sw, a[i + 1]);
                if (sv == null || sw == null) {
                    return null;
                }
            }
        }
        return FormulaRuntime.div(sv, sw);
    }

    @Override
    public String sql(SqlArgs a) {
        return "tf_weighted_avg(" + a.list(ValueType.NUMBER) + ")";
    }
}
