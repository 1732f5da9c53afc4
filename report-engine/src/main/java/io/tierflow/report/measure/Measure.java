package io.tierflow.report.measure;

/**
 * One aggregate a report can compute. Implementations are CDI beans found by {@link Measures}; the SQL they
 * return wraps a column name the engine derived from a field id, never user text.
 */
public interface Measure {

    /** The name used in queries: {@code count}, {@code sum}, … */
    String id();

    /** Whether the measure aggregates a number field (sum) or counts rows (count). */
    boolean needsNumberField();

    /** The aggregate expression; {@code column} is {@code r.f_<id>} or null when no field is needed. */
    String sql(String column);
}
