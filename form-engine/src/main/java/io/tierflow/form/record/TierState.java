package io.tierflow.form.record;

import io.tierflow.form.model.TierOverride;
import io.tierflow.rule.tier.CompiledTierModel;
import io.tierflow.rule.tier.TagRule;
import io.tierflow.rule.tier.TierDecision;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A record's tier state besides its fields: lifecycle stage, tags and tier override, and how a write changes it.
 * The tier model owns the stage (when it has stage rules) and its own tags (the others are kept); an active
 * override replaces the model's tier, and one that has expired is dropped.
 */
public record TierState(String stage, List<String> tags, TierOverride override) {

    /** What a write asks besides field values: set or clear the override, add or remove tags. */
    public record Change(TierOverride setOverride, boolean clearOverride, List<String> addTags, List<String> removeTags) {
        public static final Change NONE = new Change(null, false, List.of(), List.of());

        public Change {
            addTags = addTags == null ? List.of() : List.copyOf(addTags);
            removeTags = removeTags == null ? List.of() : List.copyOf(removeTags);
        }
    }

    public static final int MAX_TAGS = 50;

    public TierState {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static TierState of(StoredRecord r) {
        return r == null ? new TierState(null, List.of(), null) : new TierState(r.stage(), r.tags(), r.override());
    }

    /** The state after a write; {@code decision} is the model's, before any override. */
    TierState next(Change change, CompiledTierModel model, TierDecision decision, OffsetDateTime now) {
        TierOverride o = change.clearOverride() ? null : change.setOverride() != null ? change.setOverride() : override;
        if (o != null && !o.activeAt(now)) {
            o = null;
        }
        Set<String> t = new LinkedHashSet<>(tags);
        t.addAll(change.addTags());
        change.removeTags().forEach(t::remove);
        if (model.hasTags()) {
            model.model().tags().stream().map(TagRule::tag).forEach(t::remove);
            t.addAll(decision.tags());
        }
        List<String> kept = new ArrayList<>(t);
        return new TierState(model.hasStages() ? decision.stage() : stage,
                kept.size() > MAX_TAGS ? kept.subList(0, MAX_TAGS) : kept, o);
    }

    /** The decision the record gets: the model's, or the override's tier with the model's explanation after it. */
    public TierDecision apply(TierDecision decision) {
        if (override == null) {
            return decision;
        }
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("override", override.tier());
        step.put("until", override.until() == null ? null : override.until().toString());
        step.put("reason", override.reason());
        step.put("modelTier", decision.tier());
        List<Map<String, Object>> steps = new ArrayList<>();
        steps.add(java.util.Collections.unmodifiableMap(step));
        steps.addAll(decision.explanation());
        return decision.withTier(override.tier(), List.copyOf(steps));
    }

    /** The system columns this state is written to. */
    void columns(Map<String, Object> columns) {
        columns.put("stage", stage);
        columns.put("tags", tags);
        columns.put("tier_override", override == null ? null : override.tier());
        columns.put("tier_override_until", override == null || override.until() == null ? null : override.until().toString());
        columns.put("tier_override_reason", override == null ? null : override.reason());
    }

    /** What changed, for the audit entry: name → [before, after]. */
    void changes(TierState before, Map<String, Object> changes) {
        if (!java.util.Objects.equals(before.stage, stage)) {
            changes.put("stage", java.util.Arrays.asList(before.stage, stage));
        }
        if (!before.tags.equals(tags)) {
            changes.put("tags", java.util.Arrays.asList(before.tags, tags));
        }
        if (!java.util.Objects.equals(before.override, override)) {
            changes.put("tierOverride", java.util.Arrays.asList(overrideText(before.override), overrideText(override)));
        }
    }

    private static String overrideText(TierOverride o) {
        return o == null ? null : o.tier() + (o.until() == null ? "" : " → " + o.until());
    }
}
