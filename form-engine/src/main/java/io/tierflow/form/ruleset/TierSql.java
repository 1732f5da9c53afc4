package io.tierflow.form.ruleset;

import io.tierflow.core.db.OrdinalParams;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.rule.formula.FieldRef;
import io.tierflow.rule.formula.SqlExpression;
import io.tierflow.rule.tier.CompiledTierModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A tier model as SQL over a form's record table, for simulation and bulk re-tiering: {@link #from()} is the
 * table aliased {@code r} and {@link #tier()} the CASE WHEN that gives each row's tier (what the write pipeline's
 * MVEL decides for it). Conditions read the stored columns, formula, lookup and rollup fields included; the
 * rule-engine's SQL back end turns every literal and tier name into a bound parameter.
 * <p>Formulas read a multi-valued field (text[] or bigint[] column) as its values joined by ",", so such columns
 * are projected that way first, in a lateral subquery the planner folds into the scan.
 */
record TierSql(String from, String tier) {

    /** Builds the SQL for {@code model} over {@code form}'s table; its parameters are appended to {@code params}. */
    static TierSql of(FormDefinition form, CompiledTierModel model, FieldTypes types, OrdinalParams params) {
        List<String> joined = new ArrayList<>();
        for (long id : model.fieldIds()) {
            FieldDefinition f = form.field(id).orElseThrow(() -> new IllegalStateException("tier model reads unknown field " + id));
            if (multiValued(f, types)) {
                joined.add("array_to_string(r." + f.column() + ", ',') AS " + f.column());
            }
        }
        SqlExpression tier = model.sql((FieldRef ref) -> {
            FieldDefinition f = form.field(ref.fieldId()).orElseThrow();
            return (multiValued(f, types) ? "a." : "r.") + f.column();
        }).withOrdinalPlaceholders(params.next());
        params.addAll(tier.params());
        String from = form.table() + " r" + (joined.isEmpty() ? "" : " CROSS JOIN LATERAL (SELECT " + String.join(", ", joined) + ") a");
        return new TierSql(from, tier.sql());
    }

    private static boolean multiValued(FieldDefinition f, FieldTypes types) {
        return types.get(f.type()).columnType(f).endsWith("[]");
    }
}
