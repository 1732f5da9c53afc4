package io.tierflow.ui.records;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.TemplateData;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.rule.tier.TierRule;

/**
 * A tier as a coloured badge. The colour follows the tier's place in the form's tier model (first rule =
 * best tier = first colour), not its name, so "A/B/C", "VIP/普通" and "战略/重点/一般" all get a sensible
 * palette; {@code css} is {@code tier-1} … {@code tier-6}, {@code tier-x} for a tier the model no longer
 * has and {@code tier-none} for an unclassified record.
 */
@TemplateData
public record TierBadge(String text, String css) {

    static final int COLOURS = 6;

    /** The tiers of the form's model, in rule order, each once (several rules may give the same tier). */
    static List<String> tiers(FormDefinition form) {
        List<String> tiers = new ArrayList<>();
        if (form.tierModel() != null) {
            for (TierRule r : form.tierModel().rules()) {
                if (r.tier() != null && !r.tier().isBlank() && !tiers.contains(r.tier())) {
                    tiers.add(r.tier());
                }
            }
        }
        return tiers;
    }

    /** @param none the text for a record without a tier, in the user's language */
    static TierBadge of(FormDefinition form, String tier, String none) {
        if (tier == null || tier.isBlank()) {
            return new TierBadge(none, "tier-none");
        }
        int i = tiers(form).indexOf(tier);
        return new TierBadge(tier, i < 0 ? "tier-x" : "tier-" + (Math.min(i, COLOURS - 1) + 1));
    }
}
