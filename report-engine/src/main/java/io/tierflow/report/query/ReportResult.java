package io.tierflow.report.query;

import java.util.List;

/** The groups of a report, largest measure first, with the total over all of them. */
public record ReportResult(String form, String groupBy, String measure, List<ReportRow> rows, Object total) {
}
