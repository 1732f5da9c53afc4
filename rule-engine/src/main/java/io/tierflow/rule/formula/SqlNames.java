package io.tierflow.rule.formula;

import java.util.function.Function;

/**
 * The columns the SQL back end reads for a row ({@link #apply}, as for any formula) and the row's id, which the
 * records of a {@link Link.Kind#MANY} link point to. Pass one wherever a column function is taken; a plain function
 * serves formulas that read no related records.
 */
public interface SqlNames extends Function<FieldRef, String> {
    /** The row's id column, e.g. {@code r.id}. */
    String rowId();

    /** What is known of a value a tier model derived (a negative-id field); null: nothing. */
    default SqlBound bound(FieldRef derived) {
        return null;
    }

    static SqlNames of(Function<FieldRef, String> columns, String rowId) {
        return new SqlNames() {
            @Override
            public String apply(FieldRef f) {
                return columns.apply(f);
            }

            @Override
            public String rowId() {
                return rowId;
            }
        };
    }
}
