package io.tierflow.rule.tier;

import java.util.List;

/** Ordered tier rules: the first rule whose condition is true wins; when none matches the tier is null. */
public record TierModel(List<TierRule> rules) {
    public TierModel {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
