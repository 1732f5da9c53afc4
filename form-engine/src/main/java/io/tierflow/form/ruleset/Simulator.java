package io.tierflow.form.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.db.OrdinalParams;
import io.tierflow.form.model.ApprovalBinding;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.record.RecordRows;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.rule.tier.CompiledTierModel;
import io.tierflow.rule.tier.TierRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * What-if over a whole form in one SQL statement: every live record's current tier against the tier the
 * version would give it, grouped into the migration matrix, with the first sample ids of each cell and their
 * titles. The transaction is made read-only first, so the simulation cannot write.
 * <p>Speed (BENCHMARKS.md): the CASE WHEN is computed once per row in a subquery and grouped on; its literals
 * are parameters. The aggregate sorts ids within each cell, so it gets more work memory than the default, and
 * JIT compilation (which costs more than it saves for this one expression) is off.
 */
@ApplicationScoped
public class Simulator {

    public static final int MAX_SAMPLES = 20;

    private static final String SETTINGS = "SELECT set_config('transaction_read_only', 'on', true)"
            + " || set_config('work_mem', '64MB', true) || set_config('jit', 'off', true)"
            + " || set_config('statement_timeout', '120s', true)";

    @Inject
    FieldTypes types;

    @Inject
    RecordRows rows;

    /** Runs in the caller's transaction, which it makes read-only. {@code access} decides whether titles show. */
    public Uni<Simulation> simulate(Mutiny.Session session, FormDefinition form, RoleAccess access, RuleSet version,
            CompiledTierModel model, int samples) {
        int k = Math.max(0, Math.min(samples, MAX_SAMPLES));
        OrdinalParams params = new OrdinalParams();
        TierSql tier = TierSql.of(form, model, types, params);
        String title = form.titleField().filter(f -> !access.hidden(f.key())).map(f -> "CAST(x." + f.column() + " AS text)")
                .orElse("CAST(NULL AS text)");
        String sample = k == 0 ? "CAST(NULL AS bigint[])" : "(array_agg(s.id ORDER BY s.id))[1:" + params.bind(k) + "]";
        String sql = "WITH cells AS (SELECT s.from_tier, s.to_tier, count(*) AS n, " + sample + " AS sample"
                + " FROM (SELECT r.id, r.tier AS from_tier, " + tier.tier() + " AS to_tier FROM " + tier.from()
                + " WHERE r.deleted_at IS NULL) s GROUP BY s.from_tier, s.to_tier)"
                + " SELECT json_build_object('from', c.from_tier, 'to', c.to_tier, 'count', c.n, 'samples',"
                + " (SELECT coalesce(json_agg(json_build_object('id', x.id, 'title', " + title + ") ORDER BY x.id), '[]'::json)"
                + " FROM " + form.table() + " x WHERE x.id = ANY (c.sample)))::text FROM cells c";
        long started = System.nanoTime();
        return NativeSql.text(session, SETTINGS).chain(() -> NativeSql.text(session, TierSql.SET_BASED))
                .chain(() -> NativeSql.texts(session, sql, params.toArray()))
                .map(found -> result(form, version, found, (System.nanoTime() - started) / 1_000_000));
    }

    private Simulation result(FormDefinition form, RuleSet version, List<String> found, long millis) {
        List<Simulation.Cell> cells = new ArrayList<>();
        for (String text : found) {
            JsonNode n = rows.tree(text);
            List<Simulation.Sample> samples = new ArrayList<>();
            for (JsonNode s : n.get("samples")) {
                long id = s.get("id").asLong();
                samples.add(new Simulation.Sample(id, s.hasNonNull("title") ? s.get("title").asText() : "#" + id));
            }
            cells.add(new Simulation.Cell(tier(n.get("from")), tier(n.get("to")), n.get("count").asLong(), samples));
        }
        List<String> tiers = tierOrder(version, cells);
        Comparator<String> order = Comparator.comparingInt(t -> tiers.indexOf(t) < 0 ? tiers.size() : tiers.indexOf(t));
        cells.sort(Comparator.comparing(Simulation.Cell::from, Comparator.nullsLast(order))
                .thenComparing(Simulation.Cell::to, Comparator.nullsLast(order)));
        Map<String, Long> before = new LinkedHashMap<>();
        Map<String, Long> after = new LinkedHashMap<>();
        tiers.forEach(t -> {
            before.put(t, 0L);
            after.put(t, 0L);
        });
        long total = 0;
        long changed = 0;
        long approvals = 0;
        ApprovalBinding approval = version.approval();
        for (Simulation.Cell c : cells) {
            total += c.count();
            before.merge(c.from(), c.count(), Long::sum);
            after.merge(c.to(), c.count(), Long::sum);
            if (!Objects.equals(c.from(), c.to())) {
                changed += c.count();
                if (approval != null && c.to() != null && approval.tiers().contains(c.to())) {
                    approvals += c.count();
                }
            }
        }
        return new Simulation(form.id(), version.version(), total, changed, approvals, tiers, counts(before), counts(after),
                List.copyOf(cells), millis);
    }

    /** The version's tiers in rule order, then tiers only the current data has, then "no tier" when it occurs. */
    private static List<String> tierOrder(RuleSet version, List<Simulation.Cell> cells) {
        Set<String> ordered = new LinkedHashSet<>();
        version.tierModel().rules().stream().map(TierRule::tier).forEach(ordered::add);
        Set<String> others = new TreeSet<>();
        boolean none = false;
        for (Simulation.Cell c : cells) {
            for (String t : new String[] {c.from(), c.to()}) {
                if (t == null) {
                    none = true;
                } else if (!ordered.contains(t)) {
                    others.add(t);
                }
            }
        }
        List<String> tiers = new ArrayList<>(ordered);
        tiers.addAll(others);
        if (none) {
            tiers.add(null);
        }
        return tiers;
    }

    private static List<Simulation.TierCount> counts(Map<String, Long> byTier) {
        List<Simulation.TierCount> out = new ArrayList<>();
        byTier.forEach((tier, n) -> out.add(new Simulation.TierCount(tier, n)));
        return out;
    }

    private static String tier(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
