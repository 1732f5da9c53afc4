package io.tierflow.ui.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.quarkus.qute.TemplateData;
import io.tierflow.form.ruleset.Simulation;
import io.tierflow.ui.records.TierBadge;
import io.tierflow.ui.web.TierColours;

/**
 * A simulation as rules/simulation.html shows it: the migration matrix (rows: tier now, columns: tier after
 * publishing) with a count per cell whose sample records open below it, the per-tier counts before and after,
 * the totals, and the data of the sankey chart of the moves.
 */
@TemplateData
public record SimulationView(long total, long changed, long approvals, long millis, List<TierBadge> columns,
        List<MatrixRow> rows, List<CountRow> counts, List<CellSamples> samples, String sankeyJson) {

    @TemplateData
    public record MatrixRow(TierBadge from, List<MatrixCell> cells, long total) {
    }

    /** {@code id} names the sample list the cell opens; {@code moved}: the record would change tier. */
    @TemplateData
    public record MatrixCell(String id, long count, boolean moved, boolean stays) {

        public boolean empty() {
            return count == 0;
        }
    }

    @TemplateData
    public record CountRow(TierBadge tier, long before, long after) {

        public long delta() {
            return after - before;
        }
    }

    @TemplateData
    public record CellSamples(String id, TierBadge from, TierBadge to, long count, List<Sample> records) {
    }

    @TemplateData
    public record Sample(long id, String title, String href) {
    }

    /**
     * @param none   the text for "no tier"
     * @param labels the sankey's side captions ("now", "after publishing")
     * @param json   writes the sankey data as JSON safe inside a script element
     */
    static SimulationView of(Simulation sim, String formKey, List<String> modelTiers, String none, String[] labels,
            Function<Object, String> json) {
        List<String> tiers = sim.tiers();
        Function<String, TierBadge> badge = t -> new TierBadge(t == null ? none : t, TierColours.css(t, modelTiers));
        Map<String, Simulation.Cell> byPair = new LinkedHashMap<>();
        sim.matrix().forEach(c -> byPair.put(key(c.from(), c.to()), c));
        List<TierBadge> columns = tiers.stream().map(badge).toList();
        List<MatrixRow> rows = new ArrayList<>();
        List<CellSamples> samples = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            String from = tiers.get(i);
            List<MatrixCell> cells = new ArrayList<>();
            long rowTotal = 0;
            for (int j = 0; j < tiers.size(); j++) {
                String to = tiers.get(j);
                Simulation.Cell c = byPair.get(key(from, to));
                long n = c == null ? 0 : c.count();
                rowTotal += n;
                String id = "sim-cell-" + i + "-" + j;
                cells.add(new MatrixCell(id, n, n > 0 && !Objects.equals(from, to), n > 0 && Objects.equals(from, to)));
                if (c != null) {
                    samples.add(new CellSamples(id, badge.apply(from), badge.apply(to), n, c.samples().stream()
                            .map(s -> new Sample(s.id(), s.title(), "/forms/" + formKey + "/records/" + s.id())).toList()));
                }
            }
            rows.add(new MatrixRow(badge.apply(from), cells, rowTotal));
        }
        Map<String, Long> after = new LinkedHashMap<>();
        sim.after().forEach(t -> after.put(key(t.tier(), ""), t.count()));
        List<CountRow> counts = sim.before().stream()
                .map(t -> new CountRow(badge.apply(t.tier()), t.count(), after.getOrDefault(key(t.tier(), ""), 0L))).toList();
        return new SimulationView(sim.total(), sim.changed(), sim.approvals(), sim.millis(), columns, rows, counts, samples,
                json.apply(sankey(sim, modelTiers, none, labels)));
    }

    /** Nodes for the tiers now (left) and after publishing (right), links with counts. */
    private static Map<String, Object> sankey(Simulation sim, List<String> modelTiers, String none, String[] labels) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> links = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            for (Simulation.TierCount t : side == 0 ? sim.before() : sim.after()) {
                if (t.count() > 0) {
                    Map<String, Object> node = new LinkedHashMap<>();
                    node.put("name", nodeName(t.tier(), none, side));
                    node.put("tier", t.tier() == null ? none : t.tier());
                    node.put("css", TierColours.css(t.tier(), modelTiers));
                    node.put("depth", side);
                    nodes.add(node);
                }
            }
        }
        for (Simulation.Cell c : sim.matrix()) {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("source", nodeName(c.from(), none, 0));
            link.put("target", nodeName(c.to(), none, 1));
            link.put("value", c.count());
            link.put("moved", !Objects.equals(c.from(), c.to()));
            links.add(link);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("nodes", nodes);
        data.put("links", links);
        data.put("sides", labels);
        return data;
    }

    /**
     * A node's name is what the chart shows: the tier. ECharts needs distinct names, so the "after" side's end in
     * an invisible zero-width space.
     */
    private static String nodeName(String tier, String none, int side) {
        return (tier == null ? none : tier) + (side == 0 ? "" : "\u200b");
    }

    private static String key(String from, String to) {
        return (from == null ? "\u0000" : from) + "\u0001" + (to == null ? "\u0000" : to);
    }
}
