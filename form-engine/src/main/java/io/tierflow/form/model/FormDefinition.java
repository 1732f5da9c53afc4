package io.tierflow.form.model;

import io.tierflow.rule.tier.TierModel;
import java.util.List;
import java.util.Optional;

/** A form with its live fields in display order, its tier model, its approval binding and its permissions. */
public record FormDefinition(long id, String key, String name, long revision, List<FieldDefinition> fields,
        TierModel tierModel, ApprovalBinding approval, FormPermissions permissions,
        List<io.tierflow.form.trigger.TriggerRule> triggers) {

    public FormDefinition {
        fields = List.copyOf(fields);
        permissions = permissions == null ? FormPermissions.defaults() : permissions;
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
    }

    public FormDefinition(long id, String key, String name, long revision, List<FieldDefinition> fields,
            TierModel tierModel, ApprovalBinding approval, FormPermissions permissions) {
        this(id, key, name, revision, fields, tierModel, approval, permissions, null);
    }

    public FormDefinition(long id, String key, String name, long revision, List<FieldDefinition> fields,
            TierModel tierModel, ApprovalBinding approval) {
        this(id, key, name, revision, fields, tierModel, approval, null);
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
