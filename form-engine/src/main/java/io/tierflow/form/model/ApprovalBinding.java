package io.tierflow.form.model;

import java.util.List;

/**
 * Entering one of {@code tiers} starts the approval process {@code process}; its outcome is written back to
 * the select field {@code statusField} (options pending / approved / rejected).
 */
public record ApprovalBinding(List<String> tiers, String statusField, String process) {

    public static final String DEFAULT_PROCESS = "tier_approval";

    public ApprovalBinding {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        process = process == null || process.isBlank() ? DEFAULT_PROCESS : process;
    }
}
