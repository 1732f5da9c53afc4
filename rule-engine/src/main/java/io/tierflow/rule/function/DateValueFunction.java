package io.tierflow.rule.function;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/**
 * DATEVALUE(value): a date from text ({@code yyyy-M-d}, {@code yyyy/M/d}, {@code yyyy.M.d} or {@code yyyy年M月d日},
 * ASCII digits, spaces around ignored as String.trim does; anything else or an impossible date → null), or the
 * calendar date of a date-time in the formula's time zone (a date stays as it is). SQL: tf_datevalue.
 */
@ApplicationScoped
public class DateValueFunction extends AbstractFormulaFunction {
    private static final Pattern SEPARATED = Pattern.compile("([0-9]{4})([-/.])([0-9]{1,2})\\2([0-9]{1,2})");
    private static final Pattern CHINESE = Pattern.compile("([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日");

    public DateValueFunction() {
        super(FunctionGroup.DATE, "DATEVALUE", "DATEVALUE(value)",
                "A date from text such as \"2024-06-01\", \"2024/6/1\", \"2024.6.1\" or \"2024年6月1日\", or the calendar date of a date-time. Null for other text, an impossible date such as 2023-02-29, or null.",
                "把 \"2024-06-01\"、\"2024/6/1\"、\"2024.6.1\" 或 \"2024年6月1日\" 这样的文本转换为日期，或取日期时间的日历日期。其他文本、不存在的日期（如 2023-02-29）或空值返回空。",
                "DATEVALUE(\"2024年6月1日\")", "DATEVALUE(signedAt)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 1, 1);
        expect(t, 0, ValueType.TEXT, ValueType.DATE, ValueType.DATETIME);
        return ValueType.DATE;
    }

    @Override
    public Object apply(Object[] a) {
        if (!(a[0] instanceof String s)) {
            return date(a[0]);
        }
        String x = s.trim();
        if (x.length() > 20) {
            return null;
        }
        Matcher m = SEPARATED.matcher(x);
        int y;
        int mo;
        int d;
        if (m.matches()) {
            y = Integer.parseInt(m.group(1));
            mo = Integer.parseInt(m.group(3));
            d = Integer.parseInt(m.group(4));
        } else {
            m = CHINESE.matcher(x);
            if (!m.matches()) {
                return null;
            }
            y = Integer.parseInt(m.group(1));
            mo = Integer.parseInt(m.group(2));
            d = Integer.parseInt(m.group(3));
        }
        try {
            return y < 1 ? null : LocalDate.of(y, mo, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Override
    public String sql(SqlArgs a) {
        return a.type(0) == ValueType.TEXT ? "tf_datevalue(" + a.get(0, ValueType.TEXT) + ")" : a.date(0);
    }
}
