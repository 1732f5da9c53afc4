package io.tierflow.form.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.db.OrdinalParams;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.record.RecordRows;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.rule.formula.CompiledFormula;
import io.tierflow.rule.formula.FieldRef;
import io.tierflow.rule.tier.CompiledTierModel;
import io.tierflow.rule.tier.RankBoundaries;
import io.tierflow.rule.tier.ScoreDimension;
import io.tierflow.rule.tier.ScoreModel;
import io.tierflow.rule.tier.TierModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The boundaries of a model's dimensions scored within the form: for quintiles the 20th, 40th, 60th and 80th
 * percentile, for a percent rank the 1st … 99th ({@code percentile_disc}, so each is a value some record has) of
 * the dimension's value over the form's live records, and the 1st … 99th percentile of every PERCENTRANK argument, in one scan. Computed when a version is simulated or published, and stored in it, so per-record and
 * set-based evaluation use the same numbers until the next publish.
 */
@ApplicationScoped
public class QuintileBoundaries {

    @Inject
    FieldTypes types;

    @Inject
    RecordRows rows;

    /** {@code model} with its quintile dimensions' boundaries computed now; the same model when it has none. */
    public Uni<TierModel> compute(Mutiny.Session session, FormDefinition form, TierModel model, CompiledTierModel compiled) {
        Map<String, FieldRef> values = compiled.quintileValues();
        List<Map.Entry<String, CompiledFormula>> ranks = List.copyOf(compiled.ranks().entrySet());
        if (values.isEmpty() && ranks.isEmpty()) {
            return Uni.createFrom().item(model);
        }
        OrdinalParams params = new OrdinalParams();
        // only the subqueries the ranked values need: RFM's raw values read fields, so one level of them
        int needed = ranks.isEmpty() ? values.values().stream().mapToInt(compiled::levelOf).max().orElse(0) : Integer.MAX_VALUE;
        String from = TierSql.from(form, compiled, types, params, needed);
        java.util.function.Function<FieldRef, String> column = compiled.columns(io.tierflow.form.record.FormulaColumns.columns(form, types));
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, FieldRef> v : values.entrySet()) {
            String col = column.apply(v.getValue());
            ScoreDimension dim = model.scores().stream().flatMap(sc -> sc.dimensions().stream())
                    .filter(d -> d.key().equals(v.getKey())).findFirst().orElseThrow();
            String fractions = String.join(", ", dim.fractions().stream().map(BigDecimal::toPlainString).toList());
            parts.add("CAST(" + params.bind(v.getKey()) + " AS text), json_build_array(percentile_disc(ARRAY[" + fractions
                    + "]) WITHIN GROUP (ORDER BY " + col + "), count(" + col + "))");
        }
        // each PERCENTRANK argument: its 1st … 99th percentile, under "rank:<n>" (no dimension key has a colon)
        String percents = String.join(", ", PERCENTS.stream().map(BigDecimal::toPlainString).toList());
        for (int i = 0; i < ranks.size(); i++) {
            String value = "(" + TierSql.ordinal(ranks.get(i).getValue().rankSql(ranks.get(i).getKey(), column), params) + ")";
            parts.add("CAST(" + params.bind("rank:" + i) + " AS text), json_build_array(percentile_disc(ARRAY[" + percents
                    + "]) WITHIN GROUP (ORDER BY " + value + "), count(" + value + "))");
        }
        String query = "SELECT json_build_object(" + String.join(", ", parts) + ")::text FROM " + from + " WHERE r.deleted_at IS NULL";
        return NativeSql.text(session, TierSql.SET_BASED).chain(() -> NativeSql.text(session, query, params.toArray())).map(text -> {
            JsonNode found = rows.tree(text);
            List<RankBoundaries> computed = new ArrayList<>();
            for (int i = 0; i < ranks.size(); i++) {
                JsonNode f = found.get("rank:" + i);
                long over = f.get(1).asLong();
                List<BigDecimal> bounds = new ArrayList<>();
                if (over > 0) {
                    f.get(0).forEach(b -> bounds.add(b.decimalValue()));
                }
                computed.add(new RankBoundaries(ranks.get(i).getKey(), bounds.isEmpty() ? null : bounds, over));
            }
            return with(model, found).withRanks(computed);
        });
    }

    /** 0.01 … 0.99. */
    private static final List<BigDecimal> PERCENTS = java.util.stream.IntStream.range(1, 100)
            .mapToObj(i -> BigDecimal.valueOf(i, 2)).toList();

    private static TierModel with(TierModel model, JsonNode found) {
        List<ScoreModel> scores = new ArrayList<>();
        for (ScoreModel s : model.scores()) {
            List<ScoreDimension> dims = new ArrayList<>();
            for (ScoreDimension d : s.dimensions()) {
                JsonNode f = d.fractions().isEmpty() ? null : found.get(d.key());
                if (f == null) {
                    dims.add(d);
                    continue;
                }
                long over = f.get(1).asLong();
                List<BigDecimal> bounds = new ArrayList<>();
                if (over > 0) {
                    f.get(0).forEach(b -> bounds.add(b.decimalValue()));
                }
                dims.add(d.withBoundaries(bounds.isEmpty() ? null : bounds, over));
            }
            scores.add(new ScoreModel(s.key(), s.label(), s.kind(), dims));
        }
        return new TierModel(scores, model.rules(), model.stages(), model.tags(), model.ranks());
    }
}
