package io.tierflow.rule.formula;

import java.util.List;
import java.util.Locale;

/**
 * An aggregate over the records of a {@link Link.Kind#MANY} link, with an optional condition:
 * {@code SUM(orders.amount, orders.status == "paid")}. One class per aggregate, each an {@code @ApplicationScoped}
 * bean; {@link FunctionRegistry} collects them beside the functions. The aggregate sees the values of the value
 * expression for the matching records, oldest record first, nulls included; {@link #fold} (MVEL) and {@link #sql}
 * (SQL) must agree, as functions' two implementations do.
 */
public interface RelationAggregate {
    /** Upper-case name, e.g. {@code "SUM"}. */
    String name();

    /** False for COUNT, whose first argument is the link itself. */
    default boolean takesValue() {
        return true;
    }

    /** Whether {@link #fold} depends on the order of the values (LATEST). */
    default boolean ordered() {
        return false;
    }

    /**
     * The result type for a value expression of type {@code valueType} (null for COUNT).
     *
     * @throws FunctionArgumentException if the aggregate does not take values of that type
     */
    ValueType returnType(ValueType valueType);

    /** The result from the matching records' values (BigDecimal, String, Boolean, LocalDate, OffsetDateTime, null). */
    Object fold(List<Object> values);

    /**
     * The same result in SQL over the subquery {@code x} of the matching records, whose column {@code x.v} holds the
     * value (and, when {@link #ordered}, {@code x.c} and {@code x.i} the creation time and id): an aggregate
     * expression such as {@code tf_num(sum(x.v))}, or for ordered aggregates a {@code SELECT} list item evaluated
     * on the newest row only. It may use only names and the tf_* helpers, never values.
     */
    String sql();

    /** What the aggregate does, in zh or en. */
    String description(Locale locale);

    /** E.g. {@code "SUM(list.number, condition)"}. */
    String signature();

    List<String> examples();
}
