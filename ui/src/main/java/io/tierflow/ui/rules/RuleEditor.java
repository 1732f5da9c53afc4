package io.tierflow.ui.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateData;
import io.tierflow.ui.records.TierBadge;
import io.tierflow.ui.web.TierColours;

/**
 * What the tier model editor (rules/editor.html) shows: the model's scores, rules, stages and tags as rows whose
 * inputs are named by their path ({@link TierModelForm}), each with the problems the service reported at that
 * path. Built from the model's JSON, so settings this page does not know yet are simply not shown.
 *
 * @param errors messages by path below the row ({@code condition}, {@code tier}, {@code weight}, …); {@code row}
 *               for one about the whole row
 */
@TemplateData
public record RuleEditor(List<Score> scores, List<Row> rules, List<Row> stages, List<Row> tags, List<String> unplaced) {

    /** A tier rule, stage or tag: {@code name} is its path ({@code rules[2]}), {@code label} the tier, stage or tag. */
    @TemplateData
    public record Row(String name, int number, String label, String condition, Map<String, String> errors) {

        public boolean invalid() {
            return !errors.isEmpty();
        }
    }

    @TemplateData
    public record Score(String name, int number, String key, String label, String kind, List<Dimension> dimensions,
            Map<String, String> errors) {

        public boolean rfm() {
            return "rfm".equals(kind);
        }

        public boolean invalid() {
            return !errors.isEmpty() || dimensions.stream().anyMatch(Dimension::invalid);
        }
    }

    /** {@code scoring}: none (the value itself), bands, quintiles or percentRank (the last two share the direction). */
    @TemplateData
    public record Dimension(String name, String key, String label, String weight, String formula, String scoring,
            String thresholds, String points, String quintiles, String boundaries, Long boundariesOver,
            Map<String, String> errors) {

        public boolean invalid() {
            return !errors.isEmpty();
        }

        /** The id of the boundaries block, which a simulation replaces with the boundaries it computed. */
        public String boundaryId() {
            return "bnd-" + name.replaceAll("[^A-Za-z0-9]", "-");
        }
    }

    /** Empty rows for the "add" buttons; the script renumbers their paths where they are inserted. */
    @TemplateData
    public record Blank(Row rule, Row stage, Row tag, Score score, Dimension dimension) {
    }

    static final Blank BLANK = blank();

    private static Blank blank() {
        Dimension d = new Dimension("scores[0].dimensions[0]", "", "", "", "", "none", "", "", "high_is_better", "", null, Map.of());
        return new Blank(new Row("rules[0]", 0, "", "", Map.of()), new Row("stages[0]", 0, "", "", Map.of()),
                new Row("tags[0]", 0, "", "", Map.of()), new Score("scores[0]", 0, "", "", "weighted", List.of(d), Map.of()), d);
    }

    /** The tiers the rules give, in order, each once: for the approval binding and the colours. */
    public List<String> tiers() {
        Set<String> tiers = new LinkedHashSet<>();
        rules.forEach(r -> {
            if (r.label() != null && !r.label().isBlank()) {
                tiers.add(r.label());
            }
        });
        return new ArrayList<>(tiers);
    }

    public TierBadge badge(String tier) {
        return new TierBadge(tier, TierColours.css(tier, tiers()));
    }

    public boolean empty() {
        return scores.isEmpty() && rules.isEmpty() && stages.isEmpty() && tags.isEmpty();
    }

    /**
     * @param errors messages by path, without the {@code tierModel.} prefix; those that no row takes end up in
     *               {@link #unplaced()}
     */
    static RuleEditor of(JsonNode model, Map<String, String> errors) {
        Map<String, String> left = new LinkedHashMap<>(errors);
        List<Score> scores = new ArrayList<>();
        for (JsonNode s : each(model, "scores")) {
            String name = "scores[" + scores.size() + "]";
            List<Dimension> dims = new ArrayList<>();
            for (JsonNode d : each(s, "dimensions")) {
                String dn = name + ".dimensions[" + dims.size() + "]";
                JsonNode bands = d.get("bands");
                String scoring = bands != null && bands.isObject() ? "bands" : d.hasNonNull("quintiles") ? "quintiles"
                        : d.hasNonNull("percentRank") ? "percentRank" : "none";
                dims.add(new Dimension(dn, text(d, "key"), text(d, "label"), number(d.get("weight")), text(d, "formula"), scoring,
                        bands == null ? "" : TierModelForm.list(bands.get("thresholds")),
                        bands == null ? "" : TierModelForm.list(bands.get("scores")),
                        d.hasNonNull("quintiles") ? d.get("quintiles").asText()
                                : d.hasNonNull("percentRank") ? d.get("percentRank").asText() : "high_is_better",
                        TierModelForm.list(d.get("boundaries")),
                        d.hasNonNull("boundariesOver") ? d.get("boundariesOver").asLong() : null, take(left, dn)));
            }
            scores.add(new Score(name, scores.size() + 1, text(s, "key"), text(s, "label"),
                    s.hasNonNull("kind") ? s.get("kind").asText() : "weighted", dims, take(left, name)));
        }
        List<Row> rules = rows(model, "rules", "tier", left);
        List<Row> stages = rows(model, "stages", "stage", left);
        List<Row> tags = rows(model, "tags", "tag", left);
        return new RuleEditor(scores, rules, stages, tags, new ArrayList<>(left.values()));
    }

    private static List<Row> rows(JsonNode model, String list, String labelKey, Map<String, String> left) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : each(model, list)) {
            String name = list + "[" + rows.size() + "]";
            Map<String, String> errs = take(left, name);
            // the compiler reports a blank tier at the rule, not at its name
            if (errs.containsKey("row") && text(r, labelKey).isBlank()) {
                errs.put(labelKey, errs.remove("row"));
            }
            rows.add(new Row(name, rows.size() + 1, text(r, labelKey), text(r, "condition"), errs));
        }
        return rows;
    }

    /** The messages about {@code name} itself ({@code row}) and its own settings, removed from {@code left}. */
    private static Map<String, String> take(Map<String, String> left, String name) {
        Map<String, String> mine = new LinkedHashMap<>();
        for (var it = left.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            String path = e.getKey();
            if (path.equals(name)) {
                mine.putIfAbsent("row", e.getValue());
                it.remove();
            } else if (path.startsWith(name + ".") && !path.substring(name.length() + 1).startsWith("dimensions[")) {
                mine.putIfAbsent(path.substring(name.length() + 1), e.getValue());
                it.remove();
            }
        }
        return mine;
    }

    private static Iterable<JsonNode> each(JsonNode node, String list) {
        JsonNode items = node == null ? null : node.get(list);
        return items != null && items.isArray() ? items : List.of();
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static String number(JsonNode n) {
        if (n == null || n.isNull()) {
            return "";
        }
        return n.isNumber() ? n.decimalValue().stripTrailingZeros().toPlainString() : n.asText();
    }
}
