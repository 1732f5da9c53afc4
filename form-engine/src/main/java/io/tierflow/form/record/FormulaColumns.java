package io.tierflow.form.record;

import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.rule.formula.FieldRef;
import io.tierflow.rule.formula.SqlNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Where set-based SQL reads a form's fields for formulas (tier models, scheduled trigger conditions): the record
 * table {@code r}, with fields that formulas read differently than stored (multi-valued fields as their values
 * joined by ",", a sub-table as its row count) projected first in a lateral subquery {@code a} the planner
 * folds into the scan.
 */
public final class FormulaColumns {

    private FormulaColumns() {
    }

    /** {@code rec_N r}, plus the projection of those of {@code fieldIds} that need one. */
    public static String from(FormDefinition form, Collection<Long> fieldIds, FieldTypes types) {
        List<String> joined = new ArrayList<>();
        for (long id : fieldIds) {
            FieldDefinition f = form.field(id).orElseThrow(() -> new IllegalStateException("formula reads unknown field " + id));
            String read = projection(f, types);
            if (read != null) {
                joined.add(read + " AS " + f.column());
            }
        }
        return form.table() + " r" + (joined.isEmpty() ? "" : " CROSS JOIN LATERAL (SELECT " + String.join(", ", joined) + ") a");
    }

    /** The column a formula reads for each field, given {@link #from}, and the record's id for related records. */
    public static SqlNames columns(FormDefinition form, FieldTypes types) {
        return SqlNames.of(ref -> {
            FieldDefinition f = form.field(ref.fieldId()).orElseThrow();
            return (projection(f, types) != null ? "a." : "r.") + f.column();
        }, "r.id");
    }

    private static String projection(FieldDefinition f, FieldTypes types) {
        if (types.get(f.type()).columnType(f).endsWith("[]")) {
            return "array_to_string(r." + f.column() + ", ',')";
        }
        // a type whose formulas read something else than its column (a sub-table's row count)
        return types.get(f.type()).formulaSql(f, "r." + f.column());
    }
}
