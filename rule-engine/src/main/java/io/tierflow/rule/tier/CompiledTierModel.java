package io.tierflow.rule.tier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.tierflow.rule.formula.CompiledFormula;
import io.tierflow.rule.formula.FieldRef;
import io.tierflow.rule.formula.FormulaContext;
import io.tierflow.rule.formula.FormulaEvaluationException;
import io.tierflow.rule.formula.FormulaValues;
import io.tierflow.rule.formula.Link;
import io.tierflow.rule.formula.RelatedValues;
import io.tierflow.rule.formula.SqlBound;
import io.tierflow.rule.formula.SqlExpression;
import io.tierflow.rule.formula.SqlNames;

/** A compiled tier model; immutable and thread-safe. */
public final class CompiledTierModel {

    /**
     * A value the model computes before its conditions: a dimension's value or points, or a score's total. Its
     * {@code ref} has a negative id; {@code level} orders the work (a derived value reads only fields and derived
     * values of lower levels), which the SQL back end turns into one lateral subquery per level.
     */
    public record Derived(FieldRef ref, CompiledFormula formula, int level) {
    }

    record Dimension(ScoreDimension definition, long valueId, long scoreId, BigDecimal share) {
    }

    record Score(ScoreModel definition, long totalId, List<Dimension> dimensions) {
    }

    private final TierModel model;
    private final List<Derived> derived;
    private final List<Score> scores;
    private final List<CompiledFormula> conditions;
    private final List<CompiledFormula> stages;
    private final List<CompiledFormula> tags;
    private final Set<Long> fieldIds;

    CompiledTierModel(TierModel model, List<Derived> derived, List<Score> scores, List<CompiledFormula> conditions,
            List<CompiledFormula> stages, List<CompiledFormula> tags) {
        this.model = model;
        this.derived = derived.stream().sorted(java.util.Comparator.comparingInt(Derived::level)).toList();
        this.scores = List.copyOf(scores);
        this.conditions = List.copyOf(conditions);
        this.stages = List.copyOf(stages);
        this.tags = List.copyOf(tags);
        Set<Long> ids = new LinkedHashSet<>();
        for (List<CompiledFormula> group : List.of(derived.stream().map(Derived::formula).toList(), conditions, stages, tags)) {
            group.forEach(c -> c.fieldIds().stream().filter(id -> id > 0).forEach(ids::add));
        }
        this.fieldIds = Collections.unmodifiableSet(ids);
    }

    /** Ids of all form fields the model reads (scores, conditions, stages and tags). */
    public Set<Long> fieldIds() {
        return fieldIds;
    }

    public List<TierRule> rules() {
        return model.rules();
    }

    public TierModel model() {
        return model;
    }

    /** The values computed before the conditions, in evaluation order. */
    public List<Derived> derived() {
        return derived;
    }

    /**
     * Keeps the planner from pulling a level's subquery up into the next: pulled up, every reference to a value
     * would repeat the whole expression that computes it (a banded points formula reads its value four times).
     */
    private static final String FENCE = " OFFSET 0";

    /**
     * The derived values as SQL: {@code CROSS JOIN LATERAL (SELECT … AS vn1, …) l0 CROSS JOIN LATERAL …}, one
     * subquery per level, to append after the record table; JDBC placeholders. {@code fields} maps form fields to
     * their columns; the conditions then read everything through {@link #columns(Function)}.
     */
    public SqlExpression lateralJoins(Function<FieldRef, String> fields) {
        return lateralJoins(fields, Integer.MAX_VALUE);
    }

    /** As {@link #lateralJoins(Function)}, the levels up to {@code maxLevel} only (what reading some values needs). */
    public SqlExpression lateralJoins(Function<FieldRef, String> fields, int maxLevel) {
        Function<FieldRef, String> column = columns(fields);
        List<Object> pieces = new ArrayList<>();
        int level = Integer.MIN_VALUE;
        for (Derived d : derived) {
            if (d.level() > maxLevel) {
                break;
            }
            if (d.level() != level) {
                if (level != Integer.MIN_VALUE) {
                    pieces.add(FENCE + ") l" + level);
                }
                level = d.level();
                pieces.add(" CROSS JOIN LATERAL (SELECT ");
            } else {
                pieces.add(", ");
            }
            pieces.add(d.formula().sql(column, d.formula().context()));
            pieces.add(" AS " + derivedColumn(d.ref()));
        }
        if (level != Integer.MIN_VALUE) {
            pieces.add(FENCE + ") l" + level);
        }
        return SqlExpression.concat(pieces.toArray());
    }

    /**
     * The keys of the dimensions whose value reads, directly or through scores and dimensions computed before it, a
     * form field that {@code field} accepts (e.g. one hidden from the caller).
     */
    public Set<String> dimensionsReading(java.util.function.Predicate<FieldRef> field) {
        Set<Long> reading = new java.util.HashSet<>();
        for (Derived d : derived) {
            boolean reads = d.formula().fields().stream()
                    .anyMatch(f -> f.fieldId() > 0 ? field.test(f) : reading.contains(f.fieldId()));
            if (reads) {
                reading.add(d.ref().fieldId());
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        scores.forEach(s -> s.dimensions().stream().filter(d -> reading.contains(d.valueId()))
                .forEach(d -> keys.add(d.definition().key())));
        return keys;
    }

    /** The level of a derived value (0 for a form field): the lateral subquery that computes it. */
    public int levelOf(FieldRef ref) {
        return derived.stream().filter(d -> d.ref().fieldId() == ref.fieldId()).mapToInt(Derived::level).findFirst().orElse(0);
    }

    /** Form fields through {@code fields}; derived values as the columns {@link #lateralJoins} gives them. */
    public Function<FieldRef, String> columns(Function<FieldRef, String> fields) {
        Map<Long, Integer> levels = new HashMap<>();
        derived.forEach(d -> levels.put(d.ref().fieldId(), d.level()));
        Function<FieldRef, String> column =
                ref -> ref.fieldId() < 0 ? "l" + levels.get(ref.fieldId()) + "." + derivedColumn(ref) : fields.apply(ref);
        String rowId = fields instanceof SqlNames names ? names.rowId() : null;
        // what is known of each derived value's digits, in the order they are computed, so that e.g. a weighted
        // total of points is added up without rounding calls
        Map<Long, SqlBound> bounds = new HashMap<>();
        SqlNames named = new SqlNames() {
            @Override
            public String apply(FieldRef ref) {
                return column.apply(ref);
            }

            @Override
            public String rowId() {
                return rowId;
            }

            @Override
            public SqlBound bound(FieldRef ref) {
                return bounds.get(ref.fieldId());
            }
        };
        for (Derived d : derived) {
            SqlBound b = d.formula().sqlBound(named);
            if (b != null) {
                bounds.put(d.ref().fieldId(), b);
            }
        }
        return named;
    }

    /**
     * Each PERCENTRANK argument of the model's formulas (by canonical text) with the formula it is in, to compute the
     * form's percentiles of it ({@link CompiledFormula#rankSql}) over {@link #lateralJoins} and {@link #columns}.
     */
    public Map<String, CompiledFormula> ranks() {
        Map<String, CompiledFormula> out = new LinkedHashMap<>();
        derived.forEach(d -> d.formula().ranks().forEach(r -> out.putIfAbsent(r, d.formula())));
        for (List<CompiledFormula> list : List.of(conditions, stages, tags)) {
            list.forEach(f -> f.ranks().forEach(r -> out.putIfAbsent(r, f)));
        }
        return out;
    }

    /** The links to related records any of the model's formulas reads through. */
    public Set<Link> links() {
        Set<Link> links = new LinkedHashSet<>();
        derived.forEach(d -> links.addAll(d.formula().links()));
        for (List<CompiledFormula> list : List.of(conditions, stages, tags)) {
            list.forEach(f -> links.addAll(f.links()));
        }
        return links;
    }

    private static String derivedColumn(FieldRef ref) {
        return "vn" + (-ref.fieldId());
    }

    /** For each dimension scored by quintiles or percent rank, by key, the derived value its boundaries are percentiles of. */
    public Map<String, FieldRef> quintileValues() {
        Map<String, FieldRef> out = new LinkedHashMap<>();
        Map<Long, FieldRef> byId = new HashMap<>();
        derived.forEach(d -> byId.put(d.ref().fieldId(), d.ref()));
        for (Score s : scores) {
            for (Dimension d : s.dimensions()) {
                if (!d.definition().fractions().isEmpty()) {
                    out.put(d.definition().key(), byId.get(d.valueId()));
                }
            }
        }
        return out;
    }

    /** Whether the model gives a lifecycle stage or tags (so the record's stage and tags columns are its own). */
    public boolean hasStages() {
        return !stages.isEmpty();
    }

    public boolean hasTags() {
        return !tags.isEmpty();
    }

    /**
     * The tier of a row as one PostgreSQL expression (text; NULL when no rule holds), for set-based re-tiering and
     * simulation: what {@link #evaluate} decides for that row's values. Conditions are translated as
     * {@link CompiledFormula#sql(Function, FormulaContext)} does; tier names are parameters. JDBC placeholders.
     * {@code column} maps form fields and {@link #derived()} values alike.
     */
    public SqlExpression sql(Function<FieldRef, String> column, FormulaContext context) {
        return SqlExpression.firstMatch(sqls(conditions, column, context), model.rules().stream().map(TierRule::tier).toList());
    }

    /** As {@link #sql(Function, FormulaContext)} in the compiler's context (its registry's clock). */
    public SqlExpression sql(Function<FieldRef, String> column) {
        return sql(column, context());
    }

    /** The lifecycle stage as SQL (text, NULL when no stage rule holds); see {@link #sql(Function)}. */
    public SqlExpression stageSql(Function<FieldRef, String> column) {
        return SqlExpression.firstMatch(sqls(stages, column, context()), model.stages().stream().map(StageRule::stage).toList());
    }

    /** The computed tags as SQL (text[], in rule order); see {@link #sql(Function)}. */
    public SqlExpression tagsSql(Function<FieldRef, String> column) {
        return SqlExpression.allMatches(sqls(tags, column, context()), model.tags().stream().map(TagRule::tag).toList());
    }

    private FormulaContext context() {
        for (List<CompiledFormula> group : List.of(conditions, stages, tags)) {
            if (!group.isEmpty()) {
                return group.get(0).context();
            }
        }
        return derived.isEmpty() ? FormulaContext.system() : derived.get(0).formula().context();
    }

    private static List<SqlExpression> sqls(List<CompiledFormula> formulas, Function<FieldRef, String> column,
            FormulaContext context) {
        List<SqlExpression> sql = new ArrayList<>(formulas.size());
        formulas.forEach(f -> sql.add(f.sql(column, context)));
        return sql;
    }

    /**
     * Computes the scores, then checks the rules in order; the first true condition decides (a null result counts
     * as false). Also gives the lifecycle stage and the tags. A derived value that cannot be computed is null.
     */
    public TierDecision evaluate(Map<Long, Object> values) {
        return evaluate(values, RelatedValues.NONE);
    }

    /** As {@link #evaluate(Map)}, the formulas reading related records from {@code related}. */
    public TierDecision evaluate(Map<Long, Object> values, RelatedValues related) {
        Map<Long, Object> v = values;
        if (!derived.isEmpty()) {
            v = new HashMap<>(values);
            for (Derived d : derived) {
                Object result;
                try {
                    result = d.formula().evaluate(v, related);
                } catch (FormulaEvaluationException e) {
                    result = null;
                }
                v.put(d.ref().fieldId(), result);
            }
        }
        List<Map<String, Object>> explanation = new ArrayList<>();
        String tier = null;
        int index = -1;
        for (int i = 0; i < conditions.size(); i++) {
            CompiledFormula c = conditions.get(i);
            boolean result = Boolean.TRUE.equals(c.evaluate(v, related));
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("ruleIndex", i);
            step.put("tier", model.rules().get(i).tier());
            step.put("condition", model.rules().get(i).condition());
            step.put("result", result);
            step.put("values", Collections.unmodifiableMap(c.inputs(v)));
            explanation.add(Collections.unmodifiableMap(step));
            if (result) {
                tier = model.rules().get(i).tier();
                index = i;
                break;
            }
        }
        String stage = null;
        for (int i = 0; i < stages.size() && stage == null; i++) {
            if (Boolean.TRUE.equals(stages.get(i).evaluate(v, related))) {
                stage = model.stages().get(i).stage();
            }
        }
        List<String> matched = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            if (Boolean.TRUE.equals(tags.get(i).evaluate(v, related))) {
                matched.add(model.tags().get(i).tag());
            }
        }
        return new TierDecision(tier, index, List.copyOf(explanation), explainScores(v), stage, List.copyOf(matched));
    }

    /** Each score's total and, per dimension, its value, points, weight share, contribution and crossed thresholds. */
    private List<Map<String, Object>> explainScores(Map<Long, Object> v) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Score s : scores) {
            boolean rfm = ScoreModel.RFM.equals(s.definition().kind());
            List<Map<String, Object>> dims = new ArrayList<>();
            for (Dimension d : s.dimensions()) {
                Object value = v.get(d.valueId());
                Object points = v.get(d.scoreId());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("key", d.definition().key());
                m.put("label", d.definition().label());
                m.put("formula", d.definition().formula());
                m.put("value", value);
                m.put("score", points);
                if (!rfm) {
                    m.put("weight", plain(d.share().multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP)));
                }
                BigDecimal contribution = points instanceof BigDecimal p ? p.multiply(d.share(), FormulaValues.MC) : BigDecimal.ZERO;
                m.put("contribution", plain(contribution.setScale(4, RoundingMode.HALF_UP)));
                m.put("thresholdsCrossed", crossed(d.definition(), value));
                if (d.definition().boundaries() != null) {
                    m.put("boundaries", d.definition().boundaries());
                    m.put("boundariesOver", d.definition().boundariesOver());
                }
                dims.add(Collections.unmodifiableMap(m));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", s.definition().key());
            m.put("label", s.definition().label());
            m.put("kind", s.definition().kind());
            m.put("total", v.get(s.totalId()));
            m.put("dimensions", List.copyOf(dims));
            out.add(Collections.unmodifiableMap(m));
        }
        return List.copyOf(out);
    }

    private static BigDecimal plain(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static List<BigDecimal> crossed(ScoreDimension d, Object value) {
        // a percent rank's 99 percentiles are summed up by its points
        List<BigDecimal> bounds = d.bands() != null ? d.bands().thresholds() : d.quintiles() != null ? d.boundaries() : null;
        if (bounds == null || !(value instanceof BigDecimal x)) {
            return List.of();
        }
        return bounds.stream().filter(b -> b.compareTo(x) <= 0).distinct().toList();
    }
}
