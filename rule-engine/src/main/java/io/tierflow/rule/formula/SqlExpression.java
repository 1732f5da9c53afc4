package io.tierflow.rule.formula;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One PostgreSQL scalar expression with its bind parameters, from {@link CompiledFormula#sql}. Every value that
 * came from the formula text (numbers, texts) and every value of the evaluation context (today's date, the time
 * zone) is a parameter; the SQL text holds only column expressions chosen by the caller, {@code tf_*} helper calls
 * (migrations {@code db/rule/V2_0_1__formula_sql_helpers.sql} and {@code V2_0_2__more_formula_helpers.sql}), keywords,
 * operators and casts. NOW() is a text parameter (ISO instant) cast to timestamptz.
 * <p>Placeholders come in three styles, all numbered in the order of {@link #params()}:
 * {@link Placeholders#JDBC} ({@code ?}, plain JDBC), {@link Placeholders#ORDINAL} ({@code ?1 ?2 …}, Hibernate
 * native queries) and {@link Placeholders#DOLLAR} ({@code $1 $2 …}, the Vert.x client). A parameter used twice
 * appears twice in the list. The {@code with…} methods renumber, e.g. to append the expression to a query that
 * already has parameters: {@code expr.withOrdinalPlaceholders(3)} numbers them {@code ?3, ?4, …}.
 * <p>Parameter values are {@link java.math.BigDecimal}, {@link String} or {@link java.time.LocalDate}; each
 * placeholder sits inside an explicit {@code CAST(… AS type)}, so drivers need no type hints.
 */
public final class SqlExpression {
    public enum Placeholders { JDBC, ORDINAL, DOLLAR }

    private final List<String> parts;
    private final List<Object> params;
    private final Placeholders style;
    private final int first;
    private final String sql;

    SqlExpression(List<String> parts, List<Object> params, Placeholders style, int first) {
        if (parts.size() != params.size() + 1) {
            throw new IllegalArgumentException("parts and parameters do not match");
        }
        if (first < 1) {
            throw new IllegalArgumentException("placeholders are numbered from 1, not " + first);
        }
        this.parts = List.copyOf(parts);
        this.params = Collections.unmodifiableList(new ArrayList<>(params));
        this.style = Objects.requireNonNull(style);
        this.first = first;
        StringBuilder sb = new StringBuilder(parts.get(0));
        for (int i = 0; i < params.size(); i++) {
            sb.append(switch (style) {
                case JDBC -> "?";
                case ORDINAL -> "?" + (first + i);
                case DOLLAR -> "$" + (first + i);
            });
            sb.append(parts.get(i + 1));
        }
        this.sql = sb.toString();
    }

    /** The SQL text with placeholders in {@link #placeholders()} style. */
    public String sql() {
        return sql;
    }

    /** The values of the placeholders, in order. */
    public List<Object> params() {
        return params;
    }

    public Placeholders placeholders() {
        return style;
    }

    /** The number of the first placeholder (1 for JDBC style). */
    public int firstOrdinal() {
        return first;
    }

    public SqlExpression withJdbcPlaceholders() {
        return new SqlExpression(parts, params, Placeholders.JDBC, 1);
    }

    /** {@code ?first, ?first+1, …}. */
    public SqlExpression withOrdinalPlaceholders(int first) {
        return new SqlExpression(parts, params, Placeholders.ORDINAL, first);
    }

    /** {@code $first, $first+1, …}. */
    public SqlExpression withDollarPlaceholders(int first) {
        return new SqlExpression(parts, params, Placeholders.DOLLAR, first);
    }

    /**
     * {@code CASE WHEN c0 THEN v0 WHEN c1 THEN v1 … END}: the value of the first condition that is true, NULL when
     * none is (a NULL condition counts as false), with JDBC placeholders. The conditions must be expressions
     * generated from BOOLEAN formulas ({@link CompiledFormula#sql}); the values become text parameters.
     */
    public static SqlExpression firstMatch(List<SqlExpression> conditions, List<String> values) {
        if (conditions.isEmpty()) {
            return new SqlExpression(List.of("CAST(NULL AS text)"), List.of(), Placeholders.JDBC, 1);
        }
        return cases(conditions, values, "CASE", " WHEN ", " END");
    }

    /**
     * The values of all conditions that are true, in order, as a text[] (empty when none is; a NULL condition
     * counts as false), with JDBC placeholders; conditions and values as for {@link #firstMatch}.
     */
    public static SqlExpression allMatches(List<SqlExpression> conditions, List<String> values) {
        if (conditions.isEmpty()) {
            return new SqlExpression(List.of("CAST(ARRAY[] AS text[])"), List.of(), Placeholders.JDBC, 1);
        }
        return cases(conditions, values, "array_remove(ARRAY[", "CASE WHEN ", "], NULL)");
    }

    /** {@code open}, then per condition {@code when c THEN CAST(? AS text)} (in a list: each its own CASE … END), then {@code close}. */
    private static SqlExpression cases(List<SqlExpression> conditions, List<String> values, String open, String when,
            String close) {
        if (conditions.size() != values.size()) {
            throw new IllegalArgumentException("one value per condition");
        }
        boolean list = open.endsWith("[");
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        StringBuilder current = new StringBuilder(open);
        for (int i = 0; i < conditions.size(); i++) {
            SqlExpression c = conditions.get(i);
            current.append(list && i > 0 ? ", " : "").append(when).append(c.parts.get(0));
            for (int k = 0; k < c.params.size(); k++) {
                parts.add(current.toString());
                params.add(c.params.get(k));
                current = new StringBuilder(c.parts.get(k + 1));
            }
            current.append(" THEN CAST(");
            parts.add(current.toString());
            params.add(Objects.requireNonNull(values.get(i), "value"));
            current = new StringBuilder(list ? " AS text) END" : " AS text)");
        }
        parts.add(current.append(close).toString());
        return new SqlExpression(parts, params, Placeholders.JDBC, 1);
    }

    /**
     * The pieces one after the other, each a {@link String} of SQL text (never user text) or an
     * {@link SqlExpression}; JDBC placeholders, parameters in text order.
     */
    public static SqlExpression concat(Object... pieces) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Object piece : pieces) {
            if (piece instanceof SqlExpression e) {
                current.append(e.parts.get(0));
                for (int k = 0; k < e.params.size(); k++) {
                    parts.add(current.toString());
                    params.add(e.params.get(k));
                    current = new StringBuilder(e.parts.get(k + 1));
                }
            } else {
                current.append((String) Objects.requireNonNull(piece, "piece"));
            }
        }
        parts.add(current.toString());
        return new SqlExpression(parts, params, Placeholders.JDBC, 1);
    }

    /** The SQL text between the placeholders (one more part than parameters). */
    public List<String> parts() {
        return parts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SqlExpression e && e.sql.equals(sql) && e.params.equals(params);
    }

    @Override
    public int hashCode() {
        return sql.hashCode() * 31 + params.hashCode();
    }

    @Override
    public String toString() {
        return sql + " " + params;
    }
}
