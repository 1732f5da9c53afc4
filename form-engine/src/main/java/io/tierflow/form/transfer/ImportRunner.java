package io.tierflow.form.transfer;

import io.tierflow.core.db.OnWorker;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.audit.AuditLog;
import io.tierflow.core.i18n.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Runs an import's rows through {@link RowImporter} in transactions, blocking the calling (worker) thread:
 * <ul>
 * <li>dry run: sessions of {@value #BATCH} rows that only read (upsert matches), nothing written;</li>
 * <li>skip_bad_rows: a transaction per {@value #BATCH} rows; bad rows are reported and skipped, a batch the
 * database refuses as a whole is reported and the import goes on;</li>
 * <li>all_or_nothing: one transaction; after the first bad row the others are only checked (so every bad row
 * is reported) and the transaction is rolled back.</li>
 * </ul>
 * Progress goes to {@code import_job} after every {@value #BATCH} rows.
 */
@ApplicationScoped
class ImportRunner {

    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private enum Writes { NEVER, ALWAYS, UNTIL_FIRST_BAD_ROW }

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    RowImporter importer;

    @Inject
    ImportJobs jobs;

    @Inject
    AuditLog audit;

    void run(ImportPlan plan, List<ImportedSheet.Row> rows) {
        ImportTally tally = new ImportTally();
        Map<String, Object> report = new LinkedHashMap<>();
        String status;
        try {
            if (plan.options().dryRun()) {
                status = dryRun(plan, rows, tally);
            } else if (plan.options().mode() == ImportOptions.Mode.SKIP_BAD_ROWS) {
                status = skipBadRows(plan, rows, tally);
            } else {
                status = allOrNothing(plan, rows, tally);
            }
        } catch (RuntimeException e) {
            String id = UUID.randomUUID().toString();
            LOG.errorf(e, "Import job %d failed (%s)", plan.jobId(), id);
            status = ImportJobs.FAILED;
            report.put("problem", Map.of("code", "form.import.failed",
                    "message", Messages.text(plan.locale(), "form.import.failed", id)));
        }
        report.put("sample", tally.sample);
        report.put("errorsTruncated", tally.errorsTruncated);
        jobs.finish(plan.jobId(), status, tally, report).await().indefinitely();
        if (!plan.options().dryRun()) {
            audit(plan, status, tally);
        }
    }

    /** One audit entry for the import as a whole; each record written has its own, in its own transaction. */
    private void audit(ImportPlan plan, String status, ImportTally tally) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("job", plan.jobId());
        detail.put("status", status);
        detail.put("mode", plan.options().mode().id());
        detail.put("created", tally.created);
        detail.put("updated", tally.updated);
        detail.put("failed", tally.failed);
        try {
            OnWorker.await(() -> sessions.withTransaction(s -> audit.record(s, plan.caller().id(), "form.import", "form",
                    Long.toString(plan.def().id()), detail)));
        } catch (RuntimeException e) {
            // the import itself is finished and reported; losing its summary entry must not turn it into an error
            LOG.errorf(e, "Import job %d: summary audit entry not written", plan.jobId());
        }
    }

    private String dryRun(ImportPlan plan, List<ImportedSheet.Row> rows, ImportTally tally) {
        for (List<ImportedSheet.Row> batch : batches(rows)) {
            OnWorker.await(() -> sessions.withSession(s -> each(s, plan, batch, tally, Writes.NEVER, false)));
            jobs.progress(plan.jobId(), tally).await().indefinitely();
        }
        return ImportJobs.DONE;
    }

    private String skipBadRows(ImportPlan plan, List<ImportedSheet.Row> rows, ImportTally tally) {
        for (List<ImportedSheet.Row> batch : batches(rows)) {
            ImportTally done = new ImportTally();
            try {
                OnWorker.await(() -> sessions.withTransaction(s -> each(s, plan, batch, done, Writes.ALWAYS, false)));
                tally.add(done);
            } catch (RuntimeException e) {
                String id = UUID.randomUUID().toString();
                LOG.errorf(e, "Import job %d: rows %d-%d rolled back (%s)", plan.jobId(), batch.get(0).number(),
                        batch.get(batch.size() - 1).number(), id);
                tally.lost(batch.size());
                tally.add(lostBatch(plan, batch, id));
            }
            jobs.progress(plan.jobId(), tally).await().indefinitely();
        }
        return ImportJobs.DONE;
    }

    private String allOrNothing(ImportPlan plan, List<ImportedSheet.Row> rows, ImportTally tally) {
        try {
            OnWorker.await(() -> sessions.withTransaction((s, tx) -> each(s, plan, rows, tally, Writes.UNTIL_FIRST_BAD_ROW, true)
                    .invoke(() -> {
                        if (tally.failed > 0) {
                            tx.markForRollback();
                        }
                    })));
        } finally {
            if (tally.failed > 0 || tally.processed < rows.size()) {
                // rolled back: nothing of it was written
                tally.created = 0;
                tally.updated = 0;
            }
        }
        return tally.failed > 0 ? ImportJobs.REJECTED : ImportJobs.DONE;
    }

    /** The rows one after another through one session (a session runs one statement at a time). */
    private Uni<Void> each(Mutiny.Session s, ImportPlan plan, List<ImportedSheet.Row> rows, ImportTally tally, Writes writes,
            boolean liveProgress) {
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> importer.apply(s, plan, row, tally,
                                writes == Writes.ALWAYS || (writes == Writes.UNTIL_FIRST_BAD_ROW && tally.failed == 0))
                        .invoke(() -> {
                            if (liveProgress && tally.processed % BATCH == 0) {
                                // on its own connection and not awaited: the transaction goes on meanwhile
                                jobs.progress(plan.jobId(), tally).subscribe().with(x -> {
                                }, e -> LOG.warnf(e, "Import job %d: progress not recorded", plan.jobId()));
                            }
                        })
                        .replaceWith(Boolean.TRUE))
                .collect().last().replaceWithVoid();
    }

    private static ImportTally lostBatch(ImportPlan plan, List<ImportedSheet.Row> batch, String id) {
        ImportTally errors = new ImportTally();
        errors.invalid(List.of(plan.error(batch.get(0).number(), null, "form.import.batch-failed",
                batch.get(0).number(), batch.get(batch.size() - 1).number(), id)));
        // only the error is wanted: lost() already counted the rows
        errors.processed = 0;
        errors.failed = 0;
        return errors;
    }

    private static List<List<ImportedSheet.Row>> batches(List<ImportedSheet.Row> rows) {
        List<List<ImportedSheet.Row>> batches = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i += BATCH) {
            batches.add(rows.subList(i, Math.min(rows.size(), i + BATCH)));
        }
        return batches;
    }
}
