package io.tierflow.form.ruleset;

import io.tierflow.form.model.ApprovalBinding;
import io.tierflow.rule.tier.TierModel;
import java.time.OffsetDateTime;

/**
 * One version of a form's tier model and approval binding. {@code status}: draft (editable, can be simulated
 * and published), published (the form's live model; at most one per form) or archived (published before;
 * can be rolled back to).
 */
public record RuleSet(long id, long formId, int version, String status, TierModel tierModel, ApprovalBinding approval,
        String note, Long createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, Long publishedBy,
        OffsetDateTime publishedAt) {

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";
    public static final String ARCHIVED = "archived";
}
