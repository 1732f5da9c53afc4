package io.tierflow.rule.tier;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tierflow.rule.formula.CompiledFormula;
import io.tierflow.rule.formula.FieldRef;
import io.tierflow.rule.formula.FormulaCompiler;
import io.tierflow.rule.formula.FormulaException;
import io.tierflow.rule.formula.FormulaScope;
import io.tierflow.rule.formula.ValueType;

/**
 * Compiles a {@link TierModel}. Scores become formulas of our own language, generated from the builder's numbers
 * only (thresholds, scores, weights): a dimension's points are {@code BANDSCORE(value, …)}, a weighted total
 * {@code ROUND(IFNULL(d1, 0) * share1 + …, 4)}. So per-record MVEL and set-based SQL give the same scores by
 * the same construction that makes every formula agree. Every condition must type to BOOLEAN. Errors are
 * {@link FormulaException}s whose {@link FormulaException#modelPath()} names the failing part.
 */
@ApplicationScoped
public class TierModelCompiler {
    public static final int MAX_RULES = 200;
    public static final int MAX_SCORES = 20;
    public static final int MAX_DIMENSIONS = 20;
    public static final int MAX_STAGES = 50;
    public static final int MAX_TAGS = 100;
    public static final int MAX_BANDS = 100;
    private static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(1_000_000);
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final FormulaCompiler compiler;

    @Inject
    public TierModelCompiler(FormulaCompiler compiler) {
        this.compiler = Objects.requireNonNull(compiler);
    }

    public CompiledTierModel compile(TierModel model, FormulaScope scope) {
        List<TierRule> rules = model.rules();
        if (rules.size() > MAX_RULES) {
            throw new FormulaException("formula.tier.too-many-rules", 0, 0, rules.size(), MAX_RULES);
        }
        Map<String, FieldRef> refs = new LinkedHashMap<>();
        scope.fields().forEach(f -> refs.put(f.key(), f));
        // PERCENTRANK ranks against the percentiles stored with the version (none before it is simulated)
        Map<String, List<BigDecimal>> percentiles = new HashMap<>();
        model.ranks().forEach(r -> percentiles.put(r.expression(), r.boundaries()));
        io.tierflow.rule.formula.RankSource ranks = percentiles::get;
        List<CompiledTierModel.Derived> derived = new ArrayList<>();
        List<CompiledTierModel.Score> scores = new ArrayList<>();
        limit(model.scores().size(), MAX_SCORES, "scores");
        long[] nextId = {-1};
        for (int i = 0; i < model.scores().size(); i++) {
            scores.add(score(model.scores().get(i), "scores[" + i + "]", i, refs, scope.links(), ranks, derived, nextId));
        }
        FormulaScope full = FormulaScope.of(refs.values()).withLinks(scope.links()).withRanks(ranks);
        List<CompiledFormula> conditions = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            TierRule r = rules.get(i);
            if (r == null || r.tier() == null || r.tier().isBlank()) {
                throw new FormulaException("formula.tier.blank-tier", 0, 0, i + 1).withRule(i, "");
            }
            if (r.condition() == null || r.condition().isBlank()) {
                throw new FormulaException("formula.tier.no-condition", 1, 1).withRule(i, r.tier());
            }
            CompiledFormula f;
            try {
                f = compiler.compile(r.condition(), full);
            } catch (FormulaException e) {
                throw e.withRule(i, r.tier());
            }
            if (f.type() != ValueType.BOOLEAN) {
                throw new FormulaException("formula.tier.not-boolean", 1, 1, f.type()).withRule(i, r.tier());
            }
            conditions.add(f);
        }
        limit(model.stages().size(), MAX_STAGES, "stages");
        List<CompiledFormula> stages = new ArrayList<>();
        for (int i = 0; i < model.stages().size(); i++) {
            StageRule s = model.stages().get(i);
            stages.add(named(s == null ? null : s.stage(), s == null ? null : s.condition(), "stages[" + i + "]", "stage", i, full,
                    "Stage", "阶段"));
        }
        limit(model.tags().size(), MAX_TAGS, "tags");
        List<CompiledFormula> tags = new ArrayList<>();
        java.util.Set<String> tagNames = new java.util.HashSet<>();
        for (int i = 0; i < model.tags().size(); i++) {
            TagRule t = model.tags().get(i);
            if (t != null && t.tag() != null && !tagNames.add(t.tag())) {
                throw new FormulaException("formula.tier.key-taken", 0, 0, t.tag()).withPart("tags[" + i + "].tag",
                        "Tag #" + (i + 1), "第 " + (i + 1) + " 个标签");
            }
            tags.add(named(t == null ? null : t.tag(), t == null ? null : t.condition(), "tags[" + i + "]", "tag", i, full,
                    "Tag", "标签"));
        }
        return new CompiledTierModel(model, byDependency(derived), scores, conditions, stages, tags);
    }

    private CompiledTierModel.Score score(ScoreModel s, String path, int index, Map<String, FieldRef> refs,
            java.util.Collection<io.tierflow.rule.formula.Link> links, io.tierflow.rule.formula.RankSource ranks,
            List<CompiledTierModel.Derived> derived, long[] nextId) {
        String en = "Score " + (s == null || s.key() == null ? "#" + (index + 1) : s.key());
        String zh = "评分 " + (s == null || s.key() == null ? "#" + (index + 1) : s.key());
        if (s == null) {
            throw new FormulaException("formula.tier.blank-name", 0, 0, index + 1).withPart(path + ".key", en, zh);
        }
        key(s.key(), refs, path + ".key", en, zh);
        boolean rfm = ScoreModel.RFM.equals(s.kind());
        if (!rfm && !ScoreModel.WEIGHTED.equals(s.kind())) {
            throw new FormulaException("formula.tier.bad-kind", 0, 0, String.valueOf(s.kind())).withPart(path + ".kind", en, zh);
        }
        List<ScoreDimension> dims = s.dimensions();
        if (dims.isEmpty() || dims.size() > MAX_DIMENSIONS) {
            throw new FormulaException("formula.tier.dimensions", 0, 0, MAX_DIMENSIONS).withPart(path + ".dimensions", en, zh);
        }
        if (rfm && (dims.size() != 3 || dims.stream().anyMatch(d -> d == null || !d.scored()))) {
            throw new FormulaException("formula.tier.rfm-dimensions", 0, 0).withPart(path + ".dimensions", en, zh);
        }
        FormulaScope before = FormulaScope.of(refs.values()).withLinks(links).withRanks(ranks);
        Map<String, FieldRef> own = new LinkedHashMap<>();
        BigDecimal weights = BigDecimal.ZERO;
        for (int j = 0; j < dims.size(); j++) {
            ScoreDimension d = dims.get(j);
            String dPath = path + ".dimensions[" + j + "]";
            String dEn = en + ", dimension " + (d == null || d.key() == null ? "#" + (j + 1) : d.key());
            String dZh = zh + "，维度 " + (d == null || d.key() == null ? "#" + (j + 1) : d.key());
            if (d == null) {
                throw new FormulaException("formula.tier.blank-name", 0, 0, j + 1).withPart(dPath + ".key", dEn, dZh);
            }
            key(d.key(), refs, dPath + ".key", dEn, dZh);
            if (own.containsKey(d.key()) || d.key().equals(s.key())) {
                throw new FormulaException("formula.tier.key-taken", 0, 0, d.key()).withPart(dPath + ".key", dEn, dZh);
            }
            if (!rfm) {
                if (d.weight() == null || d.weight().signum() <= 0 || d.weight().compareTo(MAX_WEIGHT) > 0) {
                    throw new FormulaException("formula.tier.bad-weight", 0, 0).withPart(dPath + ".weight", dEn, dZh);
                }
                weights = weights.add(d.weight());
            }
            own.put(d.key(), null);
        }
        List<CompiledTierModel.Dimension> compiled = new ArrayList<>();
        List<FieldRef> dimRefs = new ArrayList<>();
        for (int j = 0; j < dims.size(); j++) {
            ScoreDimension d = dims.get(j);
            String dPath = path + ".dimensions[" + j + "]";
            String dEn = en + ", dimension " + d.key();
            String dZh = zh + "，维度 " + d.key();
            String points = points(d, dPath, dEn, dZh);
            if (d.formula() == null || d.formula().isBlank()) {
                throw new FormulaException("formula.tier.no-condition", 1, 1).withPart(dPath + ".formula", dEn, dZh);
            }
            CompiledFormula value;
            try {
                value = compiler.compile(d.formula(), before);
            } catch (FormulaException e) {
                throw e.withPart(dPath + ".formula", dEn, dZh);
            }
            if (value.type() != ValueType.NUMBER) {
                throw new FormulaException("formula.tier.not-number", 1, 1, value.type()).withPart(dPath + ".formula", dEn, dZh);
            }
            FieldRef raw = new FieldRef(points == null ? d.key() : "x", nextId[0]--, ValueType.NUMBER);
            derived.add(new CompiledTierModel.Derived(raw, value, 3 * index));
            FieldRef scored = raw;
            if (points != null) {
                scored = new FieldRef(d.key(), nextId[0]--, ValueType.NUMBER);
                derived.add(new CompiledTierModel.Derived(scored, generated(points, List.of(raw)), 3 * index + 1));
            }
            BigDecimal share = rfm ? BigDecimal.ONE : d.weight().divide(weights, MathContext.DECIMAL64).stripTrailingZeros();
            compiled.add(new CompiledTierModel.Dimension(d, raw.fieldId(), scored.fieldId(), share));
            dimRefs.add(scored);
        }
        List<String> terms = new ArrayList<>();
        for (int j = 0; j < dims.size(); j++) {
            String term = "IFNULL(" + dims.get(j).key() + ", 0)";
            terms.add(rfm ? term : term + " * " + compiled.get(j).share().toPlainString());
        }
        String totalText = rfm ? String.join(" + ", terms) : "ROUND(" + String.join(" + ", terms) + ", 4)";
        FieldRef total = new FieldRef(s.key(), nextId[0]--, ValueType.NUMBER);
        derived.add(new CompiledTierModel.Derived(total, generated(totalText, dimRefs), 3 * index + 2));
        dimRefs.forEach(r -> refs.put(r.key(), r));
        refs.put(s.key(), total);
        return new CompiledTierModel.Score(s, total.fieldId(), compiled);
    }

    /**
     * The derived values levelled by what they read: a value reading only fields is level 0, one reading level-n
     * values is level n + 1; in level order, which is still an order they can be computed in. The SQL back end
     * computes a level in one subquery, so fewer levels mean fewer subqueries per row (RFM's raw values, which read
     * fields, share level 0 with the weighted score's).
     */
    private static List<CompiledTierModel.Derived> byDependency(List<CompiledTierModel.Derived> derived) {
        Map<Long, Integer> levels = new HashMap<>();
        List<CompiledTierModel.Derived> out = new ArrayList<>();
        for (CompiledTierModel.Derived d : derived) {
            int level = 0;
            for (long id : d.formula().fieldIds()) {
                if (levels.containsKey(id)) {
                    level = Math.max(level, levels.get(id) + 1);
                }
            }
            levels.put(d.ref().fieldId(), level);
            out.add(new CompiledTierModel.Derived(d.ref(), d.formula(), level));
        }
        out.sort(java.util.Comparator.comparingInt(CompiledTierModel.Derived::level));
        return out;
    }

    /** The formula that turns a dimension's value {@code x} into points, or null when the value is the score. */
    private static String points(ScoreDimension d, String path, String en, String zh) {
        if ((d.bands() != null ? 1 : 0) + (d.quintiles() != null ? 1 : 0) + (d.percentRank() != null ? 1 : 0) > 1) {
            throw new FormulaException("formula.tier.bands-and-quintiles", 0, 0).withPart(path, en, zh);
        }
        if (d.bands() != null) {
            List<BigDecimal> t = d.bands().thresholds();
            List<BigDecimal> s = d.bands().scores();
            if (t == null || s == null || t.isEmpty() || t.size() > MAX_BANDS || s.size() != t.size() + 1
                    || t.contains(null) || s.contains(null) || !ascending(t, true)) {
                throw new FormulaException("formula.tier.bad-bands", 0, 0).withPart(path + ".bands", en, zh);
            }
            return bandScore(t, s);
        }
        String direction = d.quintiles() != null ? d.quintiles() : d.percentRank();
        if (direction == null) {
            return null;
        }
        String option = d.quintiles() != null ? ".quintiles" : ".percentRank";
        boolean high = ScoreDimension.HIGH_IS_BETTER.equals(direction);
        if (!high && !ScoreDimension.LOW_IS_BETTER.equals(direction)) {
            throw new FormulaException("formula.tier.bad-quintiles", 0, 0, direction).withPart(path + option, en, zh);
        }
        List<BigDecimal> b = d.boundaries();
        if (b == null || b.isEmpty()) {
            return "IF(false, x, null)"; // not computed over the form yet: no score
        }
        if (b.size() != d.fractions().size() || b.contains(null) || !ascending(b, false)) {
            throw new FormulaException("formula.tier.bad-boundaries", 0, 0, d.fractions().size()).withPart(path + ".boundaries", en, zh);
        }
        // quintiles 1–5, percent rank 0–99: from each distinct boundary on, one point more for every boundary at or below it
        int lowest = d.quintiles() != null ? 1 : 0;
        int highest = lowest + b.size();
        List<BigDecimal> bounds = new ArrayList<>();
        List<BigDecimal> scores = new ArrayList<>(List.of(BigDecimal.valueOf(high ? lowest : highest)));
        for (BigDecimal v : b) {
            if (!bounds.isEmpty() && bounds.get(bounds.size() - 1).compareTo(v) == 0) {
                continue;
            }
            bounds.add(v);
            long atOrBelow = b.stream().filter(x -> x.compareTo(v) <= 0).count();
            scores.add(BigDecimal.valueOf(high ? lowest + atOrBelow : highest - atOrBelow));
        }
        // a percent rank's 99 bounds are too many to nest as comparisons: one BANDSCORE over the list
        return bounds.size() > 8 ? bandList(bounds, scores) : bandScore(bounds, scores);
    }

    private static String bandList(List<BigDecimal> bounds, List<BigDecimal> scores) {
        return "BANDSCORE(x, \"" + String.join(",", bounds.stream().map(BigDecimal::toPlainString).toList()) + "\", \""
                + String.join(",", scores.stream().map(BigDecimal::toPlainString).toList()) + "\")";
    }

    /**
     * {@code x == null ? null : x >= bn ? sn : … : x >= b1 ? s1 : s0}: what BANDSCORE(x, "b1,…", "s0,…") gives, as
     * plain comparisons, so no bound list is parsed per record.
     */
    private static String bandScore(List<BigDecimal> bounds, List<BigDecimal> scores) {
        StringBuilder sb = new StringBuilder("x == null ? null : ");
        for (int i = bounds.size() - 1; i >= 0; i--) {
            sb.append("x >= ").append(bounds.get(i).toPlainString()).append(" ? ").append(scores.get(i + 1).toPlainString()).append(" : ");
        }
        return sb.append(scores.get(0).toPlainString()).toString();
    }

    private static boolean ascending(List<BigDecimal> values, boolean strictly) {
        for (int i = 1; i < values.size(); i++) {
            int c = values.get(i).compareTo(values.get(i - 1));
            if (c < 0 || strictly && c == 0) {
                return false;
            }
        }
        return true;
    }

    /** A formula generated here from validated keys and numbers; it cannot fail for a well-formed model. */
    private CompiledFormula generated(String text, List<FieldRef> scope) {
        return compiler.compile(text, FormulaScope.of(scope));
    }

    private static void key(String key, Map<String, FieldRef> taken, String path, String en, String zh) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new FormulaException("formula.tier.bad-key", 0, 0, String.valueOf(key)).withPart(path, en, zh);
        }
        if (taken.containsKey(key)) {
            throw new FormulaException("formula.tier.key-taken", 0, 0, key).withPart(path, en, zh);
        }
    }

    private CompiledFormula named(String name, String condition, String path, String nameField, int index, FormulaScope scope,
            String en, String zh) {
        String pEn = en + " #" + (index + 1) + (name == null ? "" : " (" + name + ")");
        String pZh = "第 " + (index + 1) + " 个" + zh + (name == null ? "" : "（" + name + "）");
        if (name == null || name.isBlank() || name.length() > 64) {
            throw new FormulaException("formula.tier.blank-name", 0, 0, index + 1).withPart(path + "." + nameField, pEn, pZh);
        }
        if (condition == null || condition.isBlank()) {
            throw new FormulaException("formula.tier.no-condition", 1, 1).withPart(path + ".condition", pEn, pZh);
        }
        CompiledFormula f;
        try {
            f = compiler.compile(condition, scope);
        } catch (FormulaException e) {
            throw e.withPart(path + ".condition", pEn, pZh);
        }
        if (f.type() != ValueType.BOOLEAN) {
            throw new FormulaException("formula.tier.not-boolean", 1, 1, f.type()).withPart(path + ".condition", pEn, pZh);
        }
        return f;
    }

    private static void limit(int size, int max, String path) {
        if (size > max) {
            throw new FormulaException("formula.tier.too-many", 0, 0, size, max).withPart(path, path, path);
        }
    }
}
