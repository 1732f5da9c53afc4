package io.tierflow.ui.records;

import java.util.List;

import io.quarkus.qute.TemplateData;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.ui.web.TierColours;

/** A tier as a coloured badge; {@code css} comes from {@link TierColours}, like everywhere else. */
@TemplateData
public record TierBadge(String text, String css) {

    /** The tiers of the form's model, in rule order, each once. */
    static List<String> tiers(FormDefinition form) {
        return TierColours.tiers(form.tierModel());
    }

    /** @param none the text for a record without a tier, in the user's language */
    static TierBadge of(FormDefinition form, String tier, String none) {
        boolean blank = tier == null || tier.isBlank();
        return new TierBadge(blank ? none : tier, TierColours.css(tier, tiers(form)));
    }
}
