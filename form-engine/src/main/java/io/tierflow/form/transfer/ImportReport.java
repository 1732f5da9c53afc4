package io.tierflow.form.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * An import as the API shows it, while it runs and after. {@code status}: running, done (every row handled;
 * in skip_bad_rows some may have failed), rejected (all_or_nothing found bad rows, so nothing was written) or
 * failed (stopped by an unexpected error, see {@code problem}). {@code rows} and {@code total} count the
 * file's data rows; {@code valid}/{@code invalid} the rows checked so far; {@code created}/{@code updated}
 * what was written (in a dry run: what would be). {@code mapping} is column header → field key.
 */
public record ImportReport(long id, String form, String status, boolean dryRun, String mode, String upsertBy,
        String fileName, String format, int total, int rows, int processed, int valid, int invalid, int created,
        int updated, int failed, JsonNode errors, boolean errorsTruncated, JsonNode mapping, JsonNode ignoredColumns,
        JsonNode sample, JsonNode problem, OffsetDateTime createdAt, OffsetDateTime finishedAt) {
}
