package io.tierflow.form.transfer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The running count of an import: rows processed, created, updated and failed, the first errors (a file of
 * 100k bad rows must not make a 100k-entry report) and a sample of what valid rows hold. Used from one
 * reactive pipeline at a time, never concurrently.
 */
final class ImportTally {

    static final int MAX_ERRORS = 1000;
    static final int SAMPLE = 5;

    int processed;
    int created;
    int updated;
    int failed;
    boolean errorsTruncated;
    final List<ImportError> errors = new ArrayList<>();
    final List<Map<String, Object>> sample = new ArrayList<>();
    /** Upsert keys of rows checked but not written (dry run, or after a bad row in all_or_nothing). */
    private final Set<Object> pendingKeys = new HashSet<>();
    /** Values of unique fields that checked rows would create, as (field id, value). */
    private final Set<Object> uniqueValues = new HashSet<>();

    void invalid(List<ImportError> rowErrors) {
        processed++;
        failed++;
        for (ImportError e : rowErrors) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(e);
            } else {
                errorsTruncated = true;
            }
        }
    }

    void valid(int row, boolean creating, Map<String, Object> values) {
        processed++;
        if (creating) {
            created++;
        } else {
            updated++;
        }
        if (sample.size() < SAMPLE) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("row", row);
            s.put("action", creating ? "create" : "update");
            s.put("values", values);
            sample.add(s);
        }
    }

    /** A row checked but not written would have created a record under this key; later rows update it. */
    void remember(Object key) {
        pendingKeys.add(normal(key));
    }

    boolean pending(Object key) {
        return key != null && pendingKeys.contains(normal(key));
    }

    /** Claims a unique field's value for a row that creates a record; false if an earlier row did. */
    boolean claimUnique(long fieldId, Object value) {
        return uniqueValues.add(java.util.List.of(fieldId, normal(value)));
    }

    private static Object normal(Object key) {
        return key instanceof BigDecimal n ? n.stripTrailingZeros() : key;
    }

    /** Adds a committed batch's counts. */
    void add(ImportTally batch) {
        processed += batch.processed;
        created += batch.created;
        updated += batch.updated;
        failed += batch.failed;
        for (ImportError e : batch.errors) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(e);
            } else {
                errorsTruncated = true;
            }
        }
        errorsTruncated |= batch.errorsTruncated;
        for (Map<String, Object> s : batch.sample) {
            if (sample.size() < SAMPLE) {
                sample.add(s);
            }
        }
    }

    /** Counts a batch that failed as a whole (a database error): its rows are not written. */
    void lost(int rows) {
        processed += rows;
        failed += rows;
    }
}
