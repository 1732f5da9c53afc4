package io.tierflow.form.model;

import io.tierflow.rule.tier.TierModel;
import java.util.List;
import java.util.Optional;

/**
 * A form with its live fields in display order, its tier model, its approval binding, its permissions, its
 * triggers and its page layout ({@code null} when the builder never arranged it; see {@link FormLayout#of}).
 * {@code ruleVersion} names the published rule-set version the tier model and approval come from (0: none).
 */
public record FormDefinition(long id, String key, String name, long revision, List<FieldDefinition> fields,
        TierModel tierModel, ApprovalBinding approval, FormPermissions permissions,
        List<io.tierflow.form.trigger.TriggerRule> triggers, FormLayout layout, int ruleVersion,
        @com.fasterxml.jackson.annotation.JsonIgnore List<RelatedForm> related) {

    public FormDefinition {
        fields = List.copyOf(fields);
        permissions = permissions == null ? FormPermissions.defaults() : permissions;
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        layout = layout == null ? null : layout.resolve(fields.stream().map(FieldDefinition::key).toList());
        related = related == null ? List.of() : List.copyOf(related);
    }

    public FormDefinition(long id, String key, String name, long revision, List<FieldDefinition> fields,
            TierModel tierModel, ApprovalBinding approval, FormPermissions permissions,
            List<io.tierflow.form.trigger.TriggerRule> triggers, FormLayout layout, int ruleVersion) {
        this(id, key, name, revision, fields, tierModel, approval, permissions, triggers, layout, ruleVersion, List.of());
    }

    /** This definition with the forms related to it (see {@link RelatedForm}). */
    public FormDefinition withRelated(List<RelatedForm> forms) {
        return new FormDefinition(id, key, name, revision, fields, tierModel, approval, permissions, triggers, layout,
                ruleVersion, forms);
    }

    /** This definition with other fields and tier model, the rest (related forms included) kept. */
    public FormDefinition with(List<FieldDefinition> newFields, TierModel newTierModel) {
        return new FormDefinition(id, key, name, revision, newFields, newTierModel, approval, permissions, triggers,
                layout, ruleVersion, related);
    }

    public FormDefinition(long id, String key, String name, long revision, List<FieldDefinition> fields,
            TierModel tierModel, ApprovalBinding approval, FormPermissions permissions,
            List<io.tierflow.form.trigger.TriggerRule> triggers, FormLayout layout) {
        this(id, key, name, revision, fields, tierModel, approval, permissions, triggers, layout, 0);
    }

    public FormDefinition(long id, String key, String name, long revision, List<FieldDefinition> fields,
            TierModel tierModel, ApprovalBinding approval, FormPermissions permissions,
            List<io.tierflow.form.trigger.TriggerRule> triggers) {
        this(id, key, name, revision, fields, tierModel, approval, permissions, triggers, null);
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
