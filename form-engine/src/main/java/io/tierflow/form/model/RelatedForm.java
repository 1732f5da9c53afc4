package io.tierflow.form.model;

import java.util.List;

/**
 * A form linked to another by a relation, either way: the target of one of its relation fields, or a form whose
 * relation fields point at it. Loaded with the form so its formulas can read related records ({@code customer.region},
 * {@code SUM(orders.amount, …)}); {@code revision} tells when compiled formulas must be recompiled.
 */
public record RelatedForm(long id, String key, long revision, List<FieldDefinition> fields) {
    public RelatedForm {
        fields = List.copyOf(fields);
    }

    public String table() {
        return "rec_" + id;
    }
}
