package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FormulaRuntime;
import io.tierflow.rule.formula.ValueType;

/** AVG(list.number, condition): the mean over the matching related records. */
@ApplicationScoped
public class AvgAggregate extends AbstractRelationAggregate {
    public AvgAggregate() {
        super("AVG", "AVG(list.number, condition)",
                "The average of a number over the related records that match the condition. Empty values are skipped; with none the result is empty.",
                "满足条件的关联记录某个数字的平均值。跳过空值；没有值时为空。",
                "AVG(orders.amount)", "AVG(visits.minutes, visits.channel == \"web\")");
    }

    @Override
    public ValueType returnType(ValueType valueType) {
        return valueOf(valueType, ValueType.NUMBER);
    }

    @Override
    public Object fold(List<Object> values) {
        List<Object> numbers = present(values);
        if (numbers.isEmpty()) {
            return null;
        }
        return FormulaRuntime.div(roundedSum(numbers), BigDecimal.valueOf(numbers.size()));
    }

    @Override
    public String sql() {
        return "tf_div(tf_num(sum(x.v)), CAST(count(x.v) AS numeric))";
    }
}
