package io.tierflow.form.type;

import io.tierflow.form.model.FieldDefinition;
import java.math.BigDecimal;
import java.util.List;

/**
 * A field a formula reads as how many items it holds (the files of an attachment, the rows of a sub-table): the
 * size of the stored jsonb array, the same in MVEL and in set-based SQL; empty counts 0.
 */
interface CountedInFormulas extends FieldType {

    @Override
    default Object formulaValue(FieldDefinition field, Object value) {
        return BigDecimal.valueOf(value instanceof List<?> list ? list.size() : 0);
    }

    @Override
    default String formulaSql(FieldDefinition field, String column) {
        return "coalesce(jsonb_array_length(" + column + "), 0)";
    }
}
