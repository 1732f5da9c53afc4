package io.tierflow.ui.web;

import java.util.ArrayList;
import java.util.List;

import io.tierflow.rule.tier.TierModel;
import io.tierflow.rule.tier.TierRule;

/**
 * The CSS class that colours a tier, the same on every page (record badges, inbox cards, dashboard slices:
 * dashboard.js reads the slice colours from these classes). The colour follows the tier's place in the
 * form's tier model (first rule = best tier = {@code tier-1}, up to {@code tier-6}), not its name, so
 * "A/B/C", "VIP/普通" and "战略/重点/一般" all get a sensible palette; {@code tier-x} is a tier the model no
 * longer has, {@code tier-none} an unclassified record.
 */
public final class TierColours {

    public static final String NONE = "tier-none";
    static final int COLOURS = 6;

    private TierColours() {
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
    public static String css(String tier, List<String> modelTiers) {
        if (tier == null || tier.isBlank()) {
            return NONE;
        }
        int i = modelTiers.indexOf(tier);
        return i < 0 ? "tier-x" : "tier-" + (Math.min(i, COLOURS - 1) + 1);
    }
}
