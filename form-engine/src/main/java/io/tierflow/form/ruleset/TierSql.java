package io.tierflow.form.ruleset;

import io.tierflow.core.db.OrdinalParams;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.record.FormulaColumns;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.rule.formula.FieldRef;
import io.tierflow.rule.formula.SqlExpression;
import io.tierflow.rule.tier.CompiledTierModel;
import java.util.List;
import java.util.function.Function;

/**
 * A tier model as SQL over a form's record table, for simulation and bulk re-tiering: {@link #from()} is the
 * table aliased {@code r} and {@link #tier()} the CASE WHEN that gives each row's tier (what the write pipeline's
 * MVEL decides for it). Conditions read the stored columns, formula, lookup and rollup fields included; the
 * rule-engine's SQL back end turns every literal and tier name into a bound parameter.
 * <p>Fields are read as formulas read them ({@link FormulaColumns}); the model's scores come from lateral
 * subqueries after the table.
 */
record TierSql(String from, String tier, String stage, String tags) {

    /** A tier override that has not expired replaces the model's tier, as in the write pipeline. */
    static final String OVERRIDE_ACTIVE = "r.tier_override IS NOT NULL AND (r.tier_override_until IS NULL OR r.tier_override_until > now())";

    /**
     * Builds the SQL for {@code model} over {@code form}'s table; its parameters are appended to {@code params}.
     * The model's scores are computed in lateral subqueries after the table ({@link CompiledTierModel#lateralJoins});
     * {@link #stage()} and {@link #tags()} keep the record's own stage and tags where the model gives none.
     */
    static TierSql of(FormDefinition form, CompiledTierModel model, FieldTypes types, OrdinalParams params) {
        return of(form, model, types, params, false);
    }

    /** As {@link #of(FormDefinition, CompiledTierModel, FieldTypes, OrdinalParams)}; {@code state}: also the stage and tags. */
    static TierSql of(FormDefinition form, CompiledTierModel model, FieldTypes types, OrdinalParams params, boolean state) {
        String from = from(form, model, types, params);
        Function<FieldRef, String> columns = model.columns(FormulaColumns.columns(form, types));
        String tier = "CASE WHEN " + OVERRIDE_ACTIVE + " THEN r.tier_override ELSE " + ordinal(model.sql(columns), params) + " END";
        String stage = state && model.hasStages() ? ordinal(model.stageSql(columns), params) : "r.stage";
        String tags = "r.tags";
        if (state && model.hasTags()) {
            List<String> names = model.model().tags().stream().map(t -> "CAST(" + params.bind(t.tag()) + " AS text)").toList();
            // the record's other tags in their order, then the model's, as the write pipeline keeps them
            tags = "(array_cat(ARRAY(SELECT t FROM unnest(r.tags) WITH ORDINALITY u (t, n) WHERE t <> ALL (ARRAY["
                    + String.join(", ", names) + "]) ORDER BY n), " + ordinal(model.tagsSql(columns), params) + "))[1:"
                    + io.tierflow.form.record.TierState.MAX_TAGS + "]";
        }
        return new TierSql(from, tier, stage, tags);
    }

    /**
     * The record table {@code r} with what the model reads: multi-valued fields joined as text ({@code a}) and the
     * scores' lateral subqueries; read their values through {@code model.columns(…)} as {@link #of} does.
     */
    static String from(FormDefinition form, CompiledTierModel model, FieldTypes types, OrdinalParams params) {
        return from(form, model, types, params, Integer.MAX_VALUE);
    }

    /** As {@link #from(FormDefinition, CompiledTierModel, FieldTypes, OrdinalParams)}, derived values up to a level. */
    static String from(FormDefinition form, CompiledTierModel model, FieldTypes types, OrdinalParams params, int maxLevel) {
        return FormulaColumns.from(form, model.fieldIds(), types)
                + ordinal(model.lateralJoins(FormulaColumns.columns(form, types), maxLevel), params);
    }

    /**
     * Settings for a statement over the whole form that computes a model's derived values, local to the transaction:
     * no Memoize node over each level's lateral subquery (its key is unique per row, so it only hashes and evicts:
     * 7.5 s against 3.3 s over 1M records) and no JIT compilation (it costs more than it saves for one pass).
     */
    static final String SET_BASED = "SELECT set_config('enable_memoize', 'off', true) || set_config('jit', 'off', true)";

    static String ordinal(SqlExpression e, OrdinalParams params) {
        SqlExpression numbered = e.withOrdinalPlaceholders(params.next());
        params.addAll(numbered.params());
        return numbered.sql();
    }
}
