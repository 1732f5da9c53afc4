package io.tierflow.rule.formula;

import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.mvel2.MVEL;

/**
 * A checked formula, compiled once by MVEL. Immutable and thread-safe: every evaluation gets its own variable
 * map; the compiled expression is shared.
 */
public final class CompiledFormula {
    private final String text;
    private final ValueType type;
    private final String mvelSource;
    private final Serializable compiled;
    private final List<FieldRef> fields;
    private final String[] fieldVars;
    private final Set<Long> fieldIds;
    private final Object[] constants;
    private final String[] constantVars;
    private final FunctionTable functions;
    private final Typed.T tree;
    private final FormulaContext context;
    private final Related related;

    /** What the formula reads of related records: its links, ONE links' fields, and aggregates over MANY links. */
    record Related(List<Link> links, List<MvelGenerator.LinkRead> reads, List<CompiledAggregate> aggregates) {
    }

    CompiledFormula(String text, Typed.T tree, String mvelSource, Serializable compiled,
                    Collection<FieldRef> fields, List<Object> constants, FunctionTable functions,
                    FormulaContext context, Related related) {
        this.text = text;
        this.related = related;
        this.tree = tree;
        this.context = context;
        this.type = tree.type();
        this.mvelSource = mvelSource;
        this.compiled = compiled;
        this.fields = List.copyOf(fields);
        this.fieldVars = new String[this.fields.size()];
        Set<Long> ids = new LinkedHashSet<>();
        for (int i = 0; i < this.fields.size(); i++) {
            fieldVars[i] = MvelGenerator.varName(this.fields.get(i).fieldId());
            ids.add(this.fields.get(i).fieldId());
        }
        this.fieldIds = Collections.unmodifiableSet(ids);
        this.constants = constants.toArray();
        this.constantVars = new String[this.constants.length];
        for (int i = 0; i < constantVars.length; i++) {
            constantVars[i] = "k" + i;
        }
        this.functions = functions;
    }

    /** The static result type. */
    public ValueType type() {
        return type;
    }

    /** Ids of the fields the formula reads (for dependency ordering and cycle detection). */
    public Set<Long> fieldIds() {
        return fieldIds;
    }

    /** The links to related records the formula reads through, in order of first use; empty for most formulas. */
    public List<Link> links() {
        return related.links();
    }

    /**
     * What the SQL back end knows of the result's digits ({@link SqlBound}), with {@code column}'s bounds for the
     * derived values it reads; null when nothing (or not a number). Lets a tier model skip rounding later formulas.
     */
    public SqlBound sqlBound(Function<FieldRef, String> column) {
        return SqlGenerator.bound(tree, column, context);
    }

    /** The arguments of the formula's PERCENTRANK calls, by canonical text (what a {@link RankSource} is asked). */
    public List<String> ranks() {
        return List.copyOf(rankArguments(tree, new LinkedHashMap<>()).keySet());
    }

    /**
     * A PERCENTRANK argument as one SQL expression over a row ({@link #sql(Function)}'s rules), to compute the form's
     * percentiles of it.
     *
     * @throws IllegalArgumentException if the formula has no such argument
     */
    public SqlExpression rankSql(String expression, Function<FieldRef, String> column) {
        Typed.T value = rankArguments(tree, new LinkedHashMap<>()).get(expression);
        if (value == null) {
            throw new IllegalArgumentException("no PERCENTRANK(" + expression + ") in " + text);
        }
        return SqlGenerator.generate(value, column, context, SqlExpression.Placeholders.JDBC, 1);
    }

    private static Map<String, Typed.T> rankArguments(Typed.T t, Map<String, Typed.T> found) {
        if (t instanceof Typed.Rank r) {
            found.putIfAbsent(r.expression(), r.value());
            rankArguments(r.value(), found);
        } else if (t instanceof Typed.Op o) {
            o.args().forEach(a -> rankArguments(a, found));
        } else if (t instanceof Typed.Fn f) {
            f.args().forEach(a -> rankArguments(a, found));
        } else if (t instanceof Typed.Cond c) {
            rankArguments(c.cond(), found);
            rankArguments(c.then(), found);
            rankArguments(c.otherwise(), found);
        } else if (t instanceof Typed.Agg a) {
            if (a.value() != null) {
                rankArguments(a.value(), found);
            }
            if (a.filter() != null) {
                rankArguments(a.filter(), found);
            }
        }
        return found;
    }

    /** The fields the formula reads, in order of first use. */
    public List<FieldRef> fields() {
        return fields;
    }

    /** The formula text as written. */
    public String text() {
        return text;
    }

    /** The generated MVEL (for tests and debugging). */
    public String mvelSource() {
        return mvelSource;
    }

    /**
     * The values this formula reads, by field key, converted as for {@link #evaluate} (for explanations).
     *
     * @throws FormulaEvaluationException if a value does not fit its field's type
     */
    public Map<String, Object> inputs(Map<Long, Object> valuesByFieldId) {
        return inputs(valuesByFieldId, context);
    }

    /** As {@link #inputs(Map)}, DATETIMEs seen in the context's zone. */
    public Map<String, Object> inputs(Map<Long, Object> valuesByFieldId, FormulaContext context) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (FieldRef f : fields) {
            m.put(f.key(), FormulaValues.output(input(f, valuesByFieldId, context)));
        }
        return m;
    }

    /** The context {@link #evaluate(Map)} and {@link #sql(Function)} use: the compiler's (its registry's clock). */
    public FormulaContext context() {
        return context;
    }

    static Object input(FieldRef f, Map<Long, Object> values, FormulaContext context) {
        Object raw = values == null ? null : values.get(f.fieldId());
        try {
            return FormulaValues.normalizeInput(raw, f.type(), context.zone());
        } catch (IllegalArgumentException e) {
            throw new FormulaEvaluationException("formula.eval.bad-value", f.key(), f.type(), e.getMessage());
        }
    }

    /**
     * Evaluates the formula for one record. Missing fields count as null. Numbers may be given as any
     * {@link Number} and are converted to BigDecimal (see {@link FormulaValues#normalizeInput}).
     *
     * @return BigDecimal (normalised), String, Boolean, LocalDate, OffsetDateTime or null
     * @throws FormulaEvaluationException if an input does not fit its field's type or a text result is too long
     */
    public Object evaluate(Map<Long, Object> valuesByFieldId) {
        return evaluate(valuesByFieldId, context);
    }

    /** As {@link #evaluate(Map)}, with TODAY() and the time zone of DATETIMEs taken from {@code context}. */
    public Object evaluate(Map<Long, Object> valuesByFieldId, FormulaContext context) {
        return evaluate(valuesByFieldId, RelatedValues.NONE, context);
    }

    /** As {@link #evaluate(Map)}, reading related records from {@code relatedValues}. */
    public Object evaluate(Map<Long, Object> valuesByFieldId, RelatedValues relatedValues) {
        return evaluate(valuesByFieldId, relatedValues, context);
    }

    /**
     * As {@link #evaluate(Map, FormulaContext)}, reading related records from {@code relatedValues} (see
     * {@link #links()}): a ONE link's field is null when there is no linked record, and an aggregate over no records
     * gives what its function gives for none (COUNT and SUM 0, the others null).
     */
    public Object evaluate(Map<Long, Object> valuesByFieldId, RelatedValues relatedValues, FormulaContext context) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(relatedValues, "relatedValues");
        Map<String, Object> vars = new HashMap<>((fieldVars.length + constantVars.length + 2) * 2);
        for (int i = 0; i < fieldVars.length; i++) {
            vars.put(fieldVars[i], input(fields.get(i), valuesByFieldId, context));
        }
        for (int i = 0; i < constantVars.length; i++) {
            vars.put(constantVars[i], constants[i]);
        }
        vars.put(MvelGenerator.FUNCTIONS_VAR, functions);
        vars.put(MvelGenerator.CONTEXT_VAR, context);
        Object result;
        try {
            for (MvelGenerator.LinkRead r : related.reads()) {
                vars.put(r.var(), input(r.field(), relatedValues.one(r.linkKey()), context));
            }
            for (CompiledAggregate a : related.aggregates()) {
                List<Map<Long, Object>> items = relatedValues.many(a.linkKey());
                vars.put(a.var(), a.compute(vars, items == null ? List.of() : items, context));
            }
            result = MVEL.executeExpression(compiled, vars);
        } catch (RuntimeException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof FormulaEvaluationException fe) {
                    throw fe;
                }
                if (c.getCause() == c) {
                    break;
                }
            }
            throw new FormulaEvaluationException("formula.eval.failed", e, String.valueOf(e.getMessage()));
        }
        return FormulaValues.output(result);
    }

    /**
     * The formula as one PostgreSQL scalar expression over a row, with JDBC placeholders ({@code ?}) and the
     * compiler's context; see {@link #sql(Function, FormulaContext)}.
     */
    public SqlExpression sql(Function<FieldRef, String> column) {
        return sql(column, context);
    }

    /** As {@link #sql(Function)} with ordinal placeholders {@code ?firstOrdinal, ?firstOrdinal+1, …}. */
    public SqlExpression sql(Function<FieldRef, String> column, int firstOrdinal) {
        return sql(column, context).withOrdinalPlaceholders(firstOrdinal);
    }

    /**
     * The formula as one PostgreSQL scalar expression that gives, for a row, what {@link #evaluate(Map,
     * FormulaContext)} gives for that row's values (same nulls, decimals, text, dates and zone rules). It needs the
     * {@code tf_*} functions of migrations {@code db/rule/V2_0_1__formula_sql_helpers.sql} and
     * {@code db/rule/V2_0_2__more_formula_helpers.sql} on the search path.
     * <p>{@code column} maps each field the formula reads to its column expression, e.g. {@code r.f_12}; it must be
     * a (qualified, optionally double-quoted) identifier, never user text. Every literal of the formula, today's
     * date and the time zone are bind parameters. The SQL type of the result is numeric, text, boolean, date or
     * timestamptz ({@link SqlArgs#sqlType}). TODAY() is taken once, when the SQL is generated.
     * <p>One difference remains: a text over the length limit raises SQLSTATE 22001 ({@code
     * formula.eval.text-too-long}) where it is computed, but SQL may skip computing parts that cannot change the
     * result (the branch not taken, the rest of a decided AND/OR), which MVEL computes.
     *
     * @throws IllegalArgumentException if {@code column} returns something that is not a column expression
     */
    public SqlExpression sql(Function<FieldRef, String> column, FormulaContext context) {
        return SqlGenerator.generate(tree, column, context, SqlExpression.Placeholders.JDBC, 1);
    }

    @Override
    public String toString() {
        return "CompiledFormula[" + type + ": " + text + "]";
    }
}
