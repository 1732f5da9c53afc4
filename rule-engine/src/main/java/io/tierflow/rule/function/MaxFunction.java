package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** MAX(a, b, …): the largest non-null value (numbers, dates or date-times, all of one type); all null → null. */
@ApplicationScoped
public class MaxFunction extends ExtremeFunction {
    public MaxFunction() {
        super("MAX", true,
                "The largest of the values (numbers, dates or date-times, all of the same type). Null values are ignored; if all are null the result is null.",
                "返回各值中最大的一个（数字、日期或日期时间，类型必须相同）。忽略空值；全部为空时返回空。",
                "MAX(amount, 100)", "MAX(score1, score2, score3)");
    }
}
