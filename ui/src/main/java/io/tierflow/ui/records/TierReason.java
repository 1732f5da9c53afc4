package io.tierflow.ui.records;

import static io.tierflow.ui.records.JsonMaps.map;
import static io.tierflow.ui.records.JsonMaps.text;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.quarkus.qute.TemplateData;
import io.tierflow.core.i18n.Messages;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.TierOverride;
import io.tierflow.form.record.TierExplanation;
import io.tierflow.ui.web.Times;

/**
 * "Why tier A", now: the form's published tier model evaluated for the record's current values
 * ({@link TierExplanation}): each score with what its dimensions contributed, the rules checked in order (the
 * first that held decided; each shows its condition, whether it held and the values it read, by label and as
 * each type displays them), and an override that sets the tier instead of the model until a date. The tier
 * history adds when the tier last changed, from what, by whom and why.
 *
 * @param title the card's heading, in the user's language
 * @param last  the last change of the tier, or null when it never changed
 * @param pin   the active override, or null
 * @param stale set when the record still has a tier from an earlier model version (not re-tiered yet)
 */
@TemplateData
public record TierReason(String title, Change last, Pin pin, String stale, List<Rule> rules, List<ScoreBreakdown> scores) {

    /**
     * @param from  the tier before, or null for the record's first tier
     * @param cause why the tier was worked out again (a bulk edit, an approval's outcome, a trigger), or null for a save
     */
    @TemplateData
    public record Change(TierBadge from, TierBadge to, String time, String actor, String cause) {
    }

    /**
     * @param until the last day, or null for no end
     * @param model the tier the model gives, which comes back when the override ends
     */
    @TemplateData
    public record Pin(TierBadge tier, String until, String reason, TierBadge model) {
    }

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
     * @param now    the explanation for the current values (fields hidden from the viewer already left out), or
     *               null when it could not be worked out: then only the history is shown
     * @param tiers  {@code RecordHistory.History.tiers()}, oldest first
     * @param stored the tier the record has
     * @return null when the form has no tier model and the record's tier never changed
     */
    static TierReason of(FormDefinition form, TierExplanation.Explanation now, List<Map<String, Object>> tiers, String stored,
            RecordFields fields, Locale locale, String noTier) {
        Change last = tiers.isEmpty() ? null : change(form, tiers.get(tiers.size() - 1), locale, noTier);
        if (now == null) {
            return last == null ? null : new TierReason(title(locale, stored), last, null, null, List.of(), List.of());
        }
        List<ScoreBreakdown> scores = ScoreBreakdown.of(now.scores(), form.tierModel(), locale);
        Map<String, String> names = new HashMap<>();
        for (ScoreBreakdown s : scores) {
            names.put(s.key(), s.label());
        }
        for (Map<String, Object> s : now.scores()) {
            for (Map<String, Object> d : JsonMaps.list(s.get("dimensions"))) {
                names.putIfAbsent(text(d.get("key")), text(d.get("label")));
            }
        }
        List<Rule> rules = new ArrayList<>();
        String modelTier = now.tier();
        boolean decided = false;
        for (Map<String, Object> step : now.steps()) {
            if (step.containsKey("override")) {
                modelTier = text(step.get("modelTier"));
                continue;
            }
            Boolean result = step.get("result") instanceof Boolean b ? b : null;
            boolean decisive = !decided && Boolean.TRUE.equals(result);
            decided |= decisive;
            List<Reading> values = new ArrayList<>();
            for (Map.Entry<String, Object> v : RecordTimeline.inFormOrder(form, map(step.get("values")))) {
                String key = v.getKey();
                boolean field = form.field(key).isPresent();
                values.add(new Reading(field ? RecordTimeline.label(form, key) : names.getOrDefault(key, key),
                        field ? RecordTimeline.display(form, key, v.getValue(), fields) : ScoreBreakdown.number(v.getValue())));
            }
            int number = step.get("ruleIndex") instanceof Number n ? n.intValue() + 1 : rules.size() + 1;
            rules.add(new Rule(number, TierBadge.of(form, text(step.get("tier")), noTier), text(step.get("condition")),
                    result, decisive, values));
        }
        TierOverride o = now.tierOverride();
        Pin pin = o == null || o.tier() == null ? null
                : new Pin(TierBadge.of(form, o.tier(), noTier),
                        o.until() == null ? null : o.until().atZoneSameInstant(ZoneId.systemDefault()).toLocalDate().toString(),
                        o.reason() == null || o.reason().isBlank() ? null : o.reason(), TierBadge.of(form, modelTier, noTier));
        if (rules.isEmpty() && scores.isEmpty() && pin == null && last == null) {
            return null;
        }
        String stale = Objects.equals(blankToNull(now.tier()), blankToNull(stored)) ? null
                : Messages.text(locale, "ui.records.why.stale", String.valueOf(now.ruleVersion()), name(locale, now.tier()),
                        name(locale, stored));
        return new TierReason(title(locale, now.tier()), last, pin, stale, rules, scores);
    }

    private static Change change(FormDefinition form, Map<String, Object> last, Locale locale, String noTier) {
        String from = text(last.get("from"));
        return new Change(from == null ? null : TierBadge.of(form, from, noTier), TierBadge.of(form, text(last.get("to")), noTier),
                Times.format(text(last.get("at"))), RecordTimeline.actor(locale, last.get("actor")),
                RecordTimeline.cause(form, locale, last.get("cause")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String name(Locale locale, String tier) {
        return blankToNull(tier) == null ? Messages.text(locale, "ui.records.tier.none") : tier;
    }

    /** "为什么是 A 层" reads well for a letter; a named tier ("顶层战略") is quoted instead of getting "层" twice. */
    private static String title(Locale locale, String tier) {
        if (tier == null || tier.isBlank()) {
            return Messages.text(locale, "ui.records.why.none");
        }
        return Messages.text(locale, tier.codePointCount(0, tier.length()) <= 2 ? "ui.records.why.title" : "ui.records.why.named", tier);
    }
}
