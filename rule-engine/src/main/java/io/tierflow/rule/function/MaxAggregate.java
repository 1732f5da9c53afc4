package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** MAX(list.value, condition): the largest (latest) value over the matching related records. */
@ApplicationScoped
public class MaxAggregate extends ExtremeAggregate {
    public MaxAggregate() {
        super("MAX", true,
                "The largest (latest) number, date or date-time over the related records that match the condition. Empty values are skipped; with none the result is empty.",
                "满足条件的关联记录中最大（最晚）的数字、日期或日期时间。跳过空值；没有值时为空。",
                "MAX(followups.date)");
    }
}
