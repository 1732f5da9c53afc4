package io.tierflow.ui.records;

import static io.tierflow.ui.records.JsonMaps.list;
import static io.tierflow.ui.records.JsonMaps.map;
import static io.tierflow.ui.records.JsonMaps.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.qute.TemplateData;
import io.tierflow.core.i18n.Messages;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.ui.web.Times;

/**
 * "Why tier A": the explanation the tier model gave when it last set the record's tier. The rules were
 * checked in order and the first that held decided; each shows its condition, whether it held and the values
 * it read, by field label and as each type displays them.
 *
 * @param title the card's heading, in the user's language
 * @param from  the tier before that change, or null for the record's first tier
 * @param to    the tier it got
 * @param cause why the tier was worked out again (a bulk edit, an approval's outcome), or null for a save
 */
@TemplateData
public record TierReason(String title, TierBadge from, TierBadge to, String time, String actor, String cause,
        List<Rule> rules) {

    /**
     * @param decisive the rule that gave the tier
     * @param result   whether the condition held; null when the explanation does not say
     */
    @TemplateData
    public record Rule(int number, TierBadge tier, String condition, Boolean result, boolean decisive, List<Reading> values) {

        public boolean held() {
            return Boolean.TRUE.equals(result);
        }

        public boolean failed() {
            return Boolean.FALSE.equals(result);
        }
    }

    /** A value a condition read; null is shown as "empty". */
    @TemplateData
    public record Reading(String label, String value) {
    }

    /**
     * @param tiers  {@code RecordHistory.History.tiers()}, oldest first
     * @param access the viewer's access to the form: the audit trail is filtered by the service, but the
     *               explanation's values are not, so the fields hidden from this role are left out here
     * @return null when the record's tier was never worked out
     */
    static TierReason latest(FormDefinition form, List<Map<String, Object>> tiers, RecordFields fields, RoleAccess access,
            Locale locale, String noTier) {
        if (tiers.isEmpty()) {
            return null;
        }
        Map<String, Object> last = tiers.get(tiers.size() - 1);
        String to = text(last.get("to"));
        List<Rule> rules = new ArrayList<>();
        boolean decided = false;
        for (Map<String, Object> step : list(map(last.get("explanation")).get("steps"))) {
            Boolean result = step.get("result") instanceof Boolean b ? b : null;
            boolean decisive = !decided && Boolean.TRUE.equals(result);
            decided |= decisive;
            List<Reading> values = new ArrayList<>();
            for (Map.Entry<String, Object> v : RecordTimeline.inFormOrder(form, map(step.get("values")))) {
                if (!access.hidden(v.getKey())) {
                    values.add(new Reading(RecordTimeline.label(form, v.getKey()),
                            RecordTimeline.display(form, v.getKey(), v.getValue(), fields)));
                }
            }
            int number = step.get("ruleIndex") instanceof Number n ? n.intValue() + 1 : rules.size() + 1;
            rules.add(new Rule(number, TierBadge.of(form, text(step.get("tier")), noTier), text(step.get("condition")),
                    result, decisive, values));
        }
        String from = text(last.get("from"));
        return new TierReason(title(locale, to), from == null ? null : TierBadge.of(form, from, noTier),
                TierBadge.of(form, to, noTier), Times.format(text(last.get("at"))), RecordTimeline.actor(locale, last.get("actor")),
                RecordTimeline.cause(locale, last.get("cause")), rules);
    }

    /** "为什么是 A 层" reads well for a letter; a named tier ("顶层战略") is quoted instead of getting "层" twice. */
    private static String title(Locale locale, String tier) {
        if (tier == null || tier.isBlank()) {
            return Messages.text(locale, "ui.records.why.none");
        }
        return Messages.text(locale, tier.codePointCount(0, tier.length()) <= 2 ? "ui.records.why.title" : "ui.records.why.named", tier);
    }
}
