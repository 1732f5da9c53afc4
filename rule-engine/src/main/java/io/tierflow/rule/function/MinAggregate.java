package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.ValueType;

/** MIN(list.value, condition): the smallest (earliest) value over the matching related records. */
@ApplicationScoped
public class MinAggregate extends AbstractRelationAggregate {
    public MinAggregate() {
        super("MIN", "MIN(list.value, condition)",
                "The smallest (earliest) number, date or date-time over the related records that match the condition. Empty values are skipped; with none the result is empty.",
                "满足条件的关联记录中最小（最早）的数字、日期或日期时间。跳过空值；没有值时为空。",
                "MIN(orders.paid_on, orders.status == \"paid\")");
    }

    @Override
    public ValueType returnType(ValueType valueType) {
        return valueOf(valueType, ValueType.NUMBER, ValueType.DATE, ValueType.DATETIME);
    }

    @Override
    public Object fold(List<Object> values) {
        Object best = null;
        for (Object v : present(values)) {
            if (best == null || OrderedValues.compare(v, best) < 0) {
                best = v;
            }
        }
        return best;
    }

    @Override
    public String sql() {
        return "min(x.v)";
    }
}
