package io.tierflow.rule.function;

import jakarta.enterprise.context.ApplicationScoped;

/** MIN(a, b, …): the smallest non-null value (numbers, dates or date-times, all of one type); all null → null. */
@ApplicationScoped
public class MinFunction extends ExtremeFunction {
    public MinFunction() {
        super("MIN", false,
                "The smallest of the values (numbers, dates or date-times, all of the same type). Null values are ignored; if all are null the result is null.",
                "返回各值中最小的一个（数字、日期或日期时间，类型必须相同）。忽略空值；全部为空时返回空。",
                "MIN(amount, 100)", "MIN(score1, score2, score3)");
    }
}
