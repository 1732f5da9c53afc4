package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.ValueType;

/** LATEST(list.value, condition): the value of the newest matching related record. */
@ApplicationScoped
public class LatestAggregate extends AbstractRelationAggregate {
    public LatestAggregate() {
        super("LATEST", "LATEST(list.value, condition)",
                "The value on the most recently created related record that matches the condition (it may itself be empty). Empty when no record matches.",
                "满足条件的关联记录中最新创建的一条上的值（该值本身也可能为空）。没有满足条件的记录时为空。",
                "LATEST(followups.result)", "LATEST(orders.amount, orders.status == \"paid\")");
    }

    @Override
    public boolean ordered() {
        return true;
    }

    @Override
    public ValueType returnType(ValueType valueType) {
        return valueType;
    }

    @Override
    public Object fold(List<Object> values) {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    @Override
    public String sql() {
        return "x.v";
    }
}
