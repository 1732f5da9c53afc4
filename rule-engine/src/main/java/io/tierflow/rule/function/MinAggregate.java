package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** MIN(list.value, condition): the smallest (earliest) value over the matching related records. */
@ApplicationScoped
public class MinAggregate extends ExtremeAggregate {
    public MinAggregate() {
        super("MIN", false,
                "The smallest (earliest) number, date or date-time over the related records that match the condition. Empty values are skipped; with none the result is empty.",
                "满足条件的关联记录中最小（最早）的数字、日期或日期时间。跳过空值；没有值时为空。",
                "MIN(orders.paid_on, orders.status == \"paid\")");
    }
}
