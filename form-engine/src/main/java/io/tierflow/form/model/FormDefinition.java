package io.tierflow.form.model;

import io.tierflow.rule.tier.TierModel;
import java.util.List;
import java.util.Optional;

/** A form with its live fields in display order, its tier model and its approval binding. */
public record FormDefinition(long id, String key, String name, long revision, List<FieldDefinition> fields,
        TierModel tierModel, ApprovalBinding approval) {

    public FormDefinition {
        fields = List.copyOf(fields);
    }

    /** The record table; derived from the id only. */
    public String table() {
        return "rec_" + id;
    }

    public Optional<FieldDefinition> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    public Optional<FieldDefinition> field(long id) {
        return fields.stream().filter(f -> f.id() == id).findFirst();
    }

    /** The first text field, shown as the record's title in lists, the inbox and the audit trail. */
    public Optional<FieldDefinition> titleField() {
        return fields.stream().filter(f -> f.type().equals("text")).findFirst();
    }
}
