package io.tierflow.rule.formula;

import java.util.List;
import java.util.Locale;

/**
 * A function formulas may call, e.g. {@code ROUND(amount, 2)}. One class per function, each an
 * {@code @ApplicationScoped} bean; {@link FunctionRegistry} collects them. Names are matched case-insensitively.
 * <p>Implementations must be bounded in time and memory by the size of their arguments (no loops over
 * user-controlled counts other than the argument count; text results at most
 * {@link FormulaValues#MAX_TEXT_LENGTH} characters) and must have no side effects.
 * <p>Every function has two implementations that must agree: {@link #apply} for the generated MVEL and
 * {@link #sql} for the SQL back end. The differential test ({@code SqlMatchesMvelTest}) runs both on random
 * formulas over random records in PostgreSQL.
 */
public interface FormulaFunction {
    /** Upper-case name, e.g. {@code "ROUND"}. */
    String name();

    /** The group the function is listed under; {@link FunctionGroup#OTHER} unless the function says otherwise. */
    default FunctionGroup group() {
        return FunctionGroup.OTHER;
    }

    /**
     * Checks the static argument types and returns the result type.
     *
     * @throws IllegalArgumentException for a wrong number or wrong types of arguments; throw a
     *         {@link FunctionArgumentException} to give the reason in zh and en and point at one argument
     */
    ValueType returnType(List<ValueType> argTypes) throws IllegalArgumentException;

    /**
     * Computes the result from plain values ({@link java.math.BigDecimal}, {@link String}, {@link Boolean},
     * {@link java.time.LocalDate}, {@link java.time.OffsetDateTime} or {@code null}), which match the types
     * accepted by {@link #returnType}.
     */
    Object apply(Object[] args);

    /**
     * As {@link #apply(Object[])}, in an evaluation context; the runtime always calls this one. Functions that
     * depend on the date or the time zone (TODAY, DAYSSINCE) override it; the rest need not.
     */
    default Object apply(Object[] args, FormulaContext context) {
        return apply(args);
    }

    /**
     * The same computation as one PostgreSQL expression, built from the argument fragments of {@code args} (see
     * {@link SqlArgs} for what the SQL may contain). It must give what {@link #apply} gives for every input,
     * including nulls; the {@code tf_*} helpers of {@code db/rule/V2_0_1__formula_sql_helpers.sql} and
     * {@code db/rule/V2_0_2__more_formula_helpers.sql} implement the value rules (DECIMAL64 numbers, text forms,
     * Java's trimming and case mapping). The generator applies the same
     * result checks as the runtime afterwards (number range, text length).
     */
    String sql(SqlArgs args);

    /**
     * Whether a number result is always one of the number arguments unchanged (IFNULL, IF, MIN…): the SQL back end
     * then skips the range check it applies to other results, which the arguments have passed already.
     */
    default boolean resultIsAnArgument() {
        return false;
    }

    /** What the function does, in zh or en. */
    String description(Locale locale);

    /** E.g. {@code "ROUND(number, digits)"}. */
    String signature();

    List<String> examples();
}
