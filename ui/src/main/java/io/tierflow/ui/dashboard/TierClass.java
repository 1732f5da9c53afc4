package io.tierflow.ui.dashboard;

import java.util.ArrayList;
import java.util.List;

import io.tierflow.rule.tier.TierModel;
import io.tierflow.rule.tier.TierRule;

/**
 * The CSS class that colours a tier, the same on every page: its place in the form's tier model (first
 * rule = best tier = {@code tier-1}, up to {@code tier-6}), {@code tier-x} for a tier the model no longer
 * has, {@code tier-none} for an unclassified record. Must agree with io.tierflow.ui.records.TierBadge,
 * which the record pages use; the dashboard's chart takes its slice colours from these classes too.
 */
public final class TierClass {

    static final int COLOURS = 6;
    public static final String NONE = "tier-none";

    private TierClass() {
    }

    /** The model's tiers in rule order, each once (several rules may give the same tier). */
    public static List<String> tiers(TierModel model) {
        List<String> tiers = new ArrayList<>();
        if (model != null) {
            for (TierRule r : model.rules()) {
                if (r.tier() != null && !r.tier().isBlank() && !tiers.contains(r.tier())) {
                    tiers.add(r.tier());
                }
            }
        }
        return tiers;
    }

    /** @param modelTiers {@link #tiers} of the record's form */
    public static String of(String tier, List<String> modelTiers) {
        if (tier == null || tier.isBlank()) {
            return NONE;
        }
        int i = modelTiers.indexOf(tier);
        return i < 0 ? "tier-x" : "tier-" + (Math.min(i, COLOURS - 1) + 1);
    }
}
