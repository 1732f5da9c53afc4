package io.tierflow.rule.function;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.ValueType;

/** MAX(list.value, condition): the largest (latest) value over the matching related records. */
@ApplicationScoped
public class MaxAggregate extends AbstractRelationAggregate {
    public MaxAggregate() {
        super("MAX", "MAX(list.value, condition)",
                "The largest (latest) number, date or date-time over the related records that match the condition. Empty values are skipped; with none the result is empty.",
                "满足条件的关联记录中最大（最晚）的数字、日期或日期时间。跳过空值；没有值时为空。",
                "MAX(followups.date)");
    }

    @Override
    public ValueType returnType(ValueType valueType) {
        return valueOf(valueType, ValueType.NUMBER, ValueType.DATE, ValueType.DATETIME);
    }

    @Override
    public Object fold(List<Object> values) {
        Object best = null;
        for (Object v : present(values)) {
            if (best == null || OrderedValues.compare(v, best) > 0) {
                best = v;
            }
        }
        return best;
    }

    @Override
    public String sql() {
        return "max(x.v)";
    }
}
