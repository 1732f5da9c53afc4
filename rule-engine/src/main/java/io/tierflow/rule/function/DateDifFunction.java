package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** DATEDIF(start, end[, unit]): whole days ("D", default), months ("M") or years ("Y") from start to end. */
@ApplicationScoped
public class DateDifFunction extends AbstractFormulaFunction {
    public DateDifFunction() {
        super(FunctionGroup.DATE, "DATEDIF", "DATEDIF(start, end, unit)",
                "Whole days (unit \"D\", the default), months (\"M\") or years (\"Y\") from start to end; negative when end is before start. Null or an unknown unit gives null.",
                "从开始日期到结束日期的整天数（单位 \"D\"，默认）、整月数（\"M\"）或整年数（\"Y\"）；结束早于开始时为负数。空值或未知单位返回空。",
                "DATEDIF(signedOn, TODAY(), \"M\")", "DATEDIF(createdOn, closedOn)");
    }

    @Override
    public ValueType returnType(List<ValueType> t) {
        arity(t, 2, 3);
        expect(t, 0, ValueType.DATE, ValueType.DATETIME);
        expect(t, 1, ValueType.DATE, ValueType.DATETIME);
        if (t.size() > 2) {
            expect(t, 2, ValueType.TEXT);
        }
        return ValueType.NUMBER;
    }

    @Override
    public Object apply(Object[] a) {
        LocalDate s = date(a[0]);
        LocalDate e = date(a[1]);
        String unit = a.length > 2 ? text(a[2]) : "D";
        if (s == null || e == null || unit == null) {
            return null;
        }
        ChronoUnit u = switch (unit.trim().toUpperCase(Locale.ROOT)) {
            case "D" -> ChronoUnit.DAYS;
            case "M" -> ChronoUnit.MONTHS;
            case "Y" -> ChronoUnit.YEARS;
            default -> null;
        };
        return u == null ? null : BigDecimal.valueOf(u.between(s, e));
    }

    @Override
    public String sql(SqlArgs a) {
        if (a.size() == 2) {
            return "CAST((" + a.date(1) + " - " + a.date(0) + ") AS numeric)";
        }
        return "tf_datedif(" + a.date(0) + ", " + a.date(1) + ", " + a.get(2, ValueType.TEXT) + ")";
    }
}
