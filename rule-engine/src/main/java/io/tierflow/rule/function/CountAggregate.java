package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.ValueType;

/** COUNT(list, condition): how many related records match. */
@ApplicationScoped
public class CountAggregate extends AbstractRelationAggregate {
    public CountAggregate() {
        super("COUNT", "COUNT(list, condition)",
                "How many related records there are, or how many match the condition. Records in the trash are not counted.",
                "关联记录的条数，或满足条件的条数。回收站中的记录不计入。",
                "COUNT(orders)", "COUNT(orders, orders.status == \"paid\" && DAYSSINCE(orders.paid_on) <= 90)");
    }

    @Override
    public boolean takesValue() {
        return false;
    }

    @Override
    public ValueType returnType(ValueType valueType) {
        return ValueType.NUMBER;
    }

    @Override
    public Object fold(List<Object> values) {
        return BigDecimal.valueOf(values.size());
    }

    @Override
    public String sql() {
        return "CAST(count(*) AS numeric)";
    }
}
