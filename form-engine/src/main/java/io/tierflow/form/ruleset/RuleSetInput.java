package io.tierflow.form.ruleset;

import io.tierflow.form.model.ApprovalBinding;
import io.tierflow.rule.tier.TierModel;

/** A draft as a builder sends it: the ordered tier rules, the approval binding (optional) and a note. */
public record RuleSetInput(TierModel tierModel, ApprovalBinding approval, String note) {

    public TierModel model() {
        return tierModel == null ? new TierModel(java.util.List.of()) : tierModel;
    }
}
