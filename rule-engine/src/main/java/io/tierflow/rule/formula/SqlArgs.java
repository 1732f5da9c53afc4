package io.tierflow.rule.formula;

import java.util.List;
import java.util.StringJoiner;

/**
 * What a {@link FormulaFunction} gets to write its SQL translation ({@link FormulaFunction#sql}): the arguments as
 * opaque SQL fragments, their static types, the result type and the evaluation context. A translation combines
 * these fragments with fixed SQL (function names, keywords, operators, parentheses, commas, casts) and returns it.
 * It never writes a value into the SQL text: values the function needs (e.g. today's date) go through
 * {@link #param}. Each argument fragment may be used at most once, so nested calls stay linear in size; a function
 * that needs an argument twice calls a helper function (see the {@code tf_*} migration) instead. The generator
 * rejects translations that contain quotes, comments, semicolons or placeholders of their own.
 */
public final class SqlArgs {
    private final SqlGenerator generator;
    private final List<ValueType> types;
    private final ValueType resultType;

    SqlArgs(SqlGenerator generator, List<ValueType> types, ValueType resultType) {
        this.generator = generator;
        this.types = List.copyOf(types);
        this.resultType = resultType;
    }

    /** The SQL type that carries values of a formula type: numeric, text, boolean, date, timestamptz. */
    public static String sqlType(ValueType type) {
        return switch (type) {
            case NUMBER -> "numeric";
            case TEXT, NULL -> "text";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case DATETIME -> "timestamptz";
        };
    }

    public int size() {
        return types.size();
    }

    /** The static type of argument {@code i}; {@link ValueType#NULL} for the literal null and the like. */
    public ValueType type(int i) {
        return types.get(i);
    }

    public List<ValueType> types() {
        return types;
    }

    public ValueType resultType() {
        return resultType;
    }

    public FormulaContext context() {
        return generator.context();
    }

    /** Argument {@code i}; one of static type NULL becomes a NULL of the result type (text if that is NULL too). */
    public String get(int i) {
        return get(i, resultType);
    }

    /** Argument {@code i}; one of static type NULL becomes a NULL of SQL type {@code as}. */
    public String get(int i, ValueType as) {
        return types.get(i) == ValueType.NULL ? SqlGenerator.nullOf(as) : SqlGenerator.argToken(i);
    }

    /** All arguments, comma-separated, NULLs typed as {@code as}. */
    public String list(ValueType as) {
        StringJoiner j = new StringJoiner(", ");
        for (int i = 0; i < types.size(); i++) {
            j.add(get(i, as));
        }
        return j.toString();
    }

    /** The text form of argument {@code i}, as {@code +} and CONCAT make it (never NULL; null gives ''). */
    public String text(int i) {
        return generator.text(get(i, ValueType.TEXT), types.get(i));
    }

    /** The calendar date of a DATE or DATETIME argument (a DATETIME's date in the context's zone). */
    public String date(int i) {
        return generator.date(get(i, ValueType.DATE), types.get(i));
    }

    /**
     * The local date-time (SQL {@code timestamp}) of a DATE argument (its midnight) or a DATETIME argument (in the
     * context's zone), for functions that read hours, minutes and seconds or do calendar arithmetic.
     */
    public String localDateTime(int i) {
        return switch (types.get(i)) {
            case DATE -> "CAST(" + get(i, ValueType.DATE) + " AS timestamp)";
            case DATETIME -> "(" + get(i, ValueType.DATETIME) + " AT TIME ZONE " + zone() + ")";
            case NULL -> "CAST(NULL AS timestamp)";
            default -> throw new IllegalArgumentException("not a date: " + types.get(i));
        };
    }

    /** The context's time zone as a text parameter, in the form PostgreSQL's {@code AT TIME ZONE} reads. */
    public String zone() {
        return generator.zone();
    }

    /** A bind parameter holding {@code value} (BigDecimal, String, LocalDate), cast to its SQL type. */
    public String param(Object value) {
        return generator.param(value);
    }
}
