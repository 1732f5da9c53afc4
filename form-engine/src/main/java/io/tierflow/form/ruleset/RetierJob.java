package io.tierflow.form.ruleset;

import java.time.OffsetDateTime;

/**
 * A bulk re-tier after a publish or a rollback, as its progress is reported: records are visited in id order,
 * {@code lastId} is the last one committed. {@code status}: running, done, failed (see {@code error}) or
 * superseded (another version was published first; its own job re-tiers every record).
 */
public record RetierJob(long id, long formId, int ruleVersion, String cause, String status, long lastId, long total,
        long processed, long changed, long approvals, int batches, String error, Long createdBy,
        OffsetDateTime startedAt, OffsetDateTime updatedAt, OffsetDateTime finishedAt) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String SUPERSEDED = "superseded";

    /** The share of the records visited, 0 to 1 (records created meanwhile can make processed exceed total). */
    @com.fasterxml.jackson.annotation.JsonProperty("progress")
    public double progress() {
        if (DONE.equals(status)) {
            return 1.0;
        }
        return total == 0 ? 0.0 : Math.min(1.0, (double) processed / total);
    }

    public boolean finished() {
        return !RUNNING.equals(status);
    }
}
