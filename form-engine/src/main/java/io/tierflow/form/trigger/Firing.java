package io.tierflow.form.trigger;

import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.record.StoredRecord;

/**
 * A rule firing for a record: what actions need to address their effects. {@code depth} counts the trigger
 * writes that led here, so cascades stop; {@code dedupe} makes every effect of this firing unique.
 */
public record Firing(FormDefinition form, StoredRecord record, TriggerRule rule, String title, int depth, String dedupe) {

    /** The cause a trigger's own record write carries, so the rule does not fire again on it. */
    public String cause() {
        return TriggerEngine.CAUSE_PREFIX + rule.id() + ":" + (depth + 1);
    }
}
