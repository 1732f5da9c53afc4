package io.tierflow.report.query;

/**
 * A report as a query model (DESIGN.md decision 6), never SQL: which form, which field to group by (a field
 * key, or {@code tier}), which measure ({@code count}, {@code sum}, {@code avg}) over which number field.
 */
public record ReportQuery(String form, String groupBy, String measure, String field, Integer limit) {
}
