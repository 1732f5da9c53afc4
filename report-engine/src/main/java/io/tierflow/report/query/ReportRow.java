package io.tierflow.report.query;

/** One group: its stored value (null for "empty"), the label to show, and the measure. */
public record ReportRow(String value, String label, Object measure) {
}
