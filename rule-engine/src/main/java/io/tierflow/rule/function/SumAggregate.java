package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.ValueType;

/** SUM(list.number, condition): the total over the matching related records. */
@ApplicationScoped
public class SumAggregate extends AbstractRelationAggregate {
    public SumAggregate() {
        super("SUM", "SUM(list.number, condition)",
                "The total of a number over the related records that match the condition. Empty values are skipped; with none the total is 0.",
                "满足条件的关联记录某个数字的合计。跳过空值；没有值时为 0。",
                "SUM(orders.amount)", "SUM(orders.amount, orders.status == \"paid\" && DAYSSINCE(orders.paid_on) <= 90)");
    }

    @Override
    public ValueType returnType(ValueType valueType) {
        return valueOf(valueType, ValueType.NUMBER);
    }

    @Override
    public Object fold(List<Object> values) {
        return roundedSum(present(values));
    }

    @Override
    public String sql() {
        return "CASE WHEN count(x.v) = 0 THEN CAST(0 AS numeric) ELSE tf_num(sum(x.v)) END";
    }
}
