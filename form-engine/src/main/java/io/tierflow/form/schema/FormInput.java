package io.tierflow.form.schema;

import io.tierflow.form.model.ApprovalBinding;
import io.tierflow.rule.tier.TierModel;
import java.util.List;

/** A form as a builder submits it: key, name, fields in order, tier model and approval binding. */
public record FormInput(String key, String name, List<FieldInput> fields, TierModel tierModel, ApprovalBinding approval) {
}
