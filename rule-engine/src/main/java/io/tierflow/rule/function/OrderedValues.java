package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The order MIN and MAX of related records use: numbers by value, dates by day, date-times by instant. */
final class OrderedValues {
    private OrderedValues() {
    }

    static int compare(Object a, Object b) {
        if (a instanceof BigDecimal x) {
            return x.compareTo((BigDecimal) b);
        }
        if (a instanceof LocalDate x) {
            return x.compareTo((LocalDate) b);
        }
        return ((OffsetDateTime) a).toInstant().compareTo(((OffsetDateTime) b).toInstant());
    }
}
