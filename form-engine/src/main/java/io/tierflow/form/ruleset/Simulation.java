package io.tierflow.form.ruleset;

import java.util.List;

/**
 * What publishing a version would do to the form's live records, computed over all of them without writing:
 * the tier migration matrix (one cell per from → to pair that occurs, with its count and the first sample
 * records by id), the per-tier counts before and after, how many records would change tier and how many
 * approvals would start (records entering one of the version's approval tiers from another tier). A null tier
 * means "no rule matched".
 */
public record Simulation(long formId, int version, long total, long changed, long approvals, List<String> tiers,
        List<TierCount> before, List<TierCount> after, List<Cell> matrix, long millis) {

    public record Cell(String from, String to, long count, List<Sample> samples) {
    }

    /** A record as a sample shows it: its id and title only. */
    public record Sample(long id, String title) {
    }

    public record TierCount(String tier, long count) {
    }
}
