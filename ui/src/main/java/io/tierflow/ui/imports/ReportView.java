package io.tierflow.ui.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateData;
import io.tierflow.form.transfer.ImportJobs;
import io.tierflow.form.transfer.ImportReport;

/**
 * An import job as the wizard shows it, from form-engine's {@link ImportReport}: the counts, a progress bar
 * while it runs, the errors by row (the first {@value #SHOWN}; the report keeps up to a thousand), a sample
 * of what the rows hold, and a headline in the user's language.
 */
@TemplateData
public record ReportView(long id, String status, boolean running, boolean dryRun, String mode, String fileName, int total,
        int processed, int percent, int valid, int invalid, int created, int updated, int failed, List<Error> errors,
        int moreErrors, String problem, String headline, String headlineCss, String progressUrl, String recordsUrl,
        String retryUrl) {

    static final int SHOWN = 200;

    /** One bad cell or row: the spreadsheet's row number (header = 1), the column, and what is wrong. */
    @TemplateData
    public record Error(int row, String column, String message) {
    }

    /** @param text a message in the user's language, by code and arguments */
    static ReportView of(ImportReport r, BiFunction<String, Object[], String> text, String formKey) {
        List<Error> errors = new ArrayList<>();
        int all = 0;
        if (r.errors() != null && r.errors().isArray()) {
            for (JsonNode e : r.errors()) {
                all++;
                if (errors.size() < SHOWN) {
                    errors.add(new Error(e.path("row").asInt(), e.hasNonNull("column") ? e.get("column").asText() : null,
                            e.path("message").asText(e.path("code").asText(""))));
                }
            }
        }
        int more = all - errors.size() + (r.errorsTruncated() ? 1 : 0);
        boolean running = ImportJobs.RUNNING.equals(r.status());
        int percent = r.total() == 0 ? 100 : Math.min(100, (int) Math.floor(100.0 * r.processed() / r.total()));
        String problem = r.problem() == null ? null : r.problem().path("message").asText(null);
        String headline;
        String css;
        if (running) {
            headline = text.apply(r.dryRun() ? "ui.import.report.checking" : "ui.import.report.running", new Object[] { r.processed(), r.total() });
            css = "info";
        } else if (ImportJobs.FAILED.equals(r.status())) {
            headline = text.apply("ui.import.report.failed", new Object[0]);
            css = "error";
        } else if (ImportJobs.REJECTED.equals(r.status())) {
            headline = text.apply("ui.import.report.rejected", new Object[] { r.failed() });
            css = "error";
        } else if (r.dryRun()) {
            headline = r.failed() == 0 ? text.apply("ui.import.report.dry.ok", new Object[] { r.total() })
                    : text.apply("ui.import.report.dry.bad", new Object[] { r.total(), r.failed() });
            css = r.failed() == 0 ? "success" : "error";
        } else {
            headline = r.failed() == 0 ? text.apply("ui.import.report.done", new Object[] { r.created(), r.updated() })
                    : text.apply("ui.import.report.done.skipped", new Object[] { r.created(), r.updated(), r.failed() });
            css = r.failed() == 0 ? "success" : "info";
        }
        return new ReportView(r.id(), r.status(), running, r.dryRun(), r.mode(), r.fileName(), r.total(), r.processed(), percent,
                r.processed() - r.failed(), r.failed(), r.created(), r.updated(), r.failed(), errors, Math.max(0, more), problem,
                headline, css, "/forms/" + formKey + "/imports/" + r.id() + "/progress", "/forms/" + formKey, null);
    }

    /** The same report with a way back to the check of the file it imported (to import it again another way). */
    ReportView withRetry(String url) {
        return new ReportView(id, status, running, dryRun, mode, fileName, total, processed, percent, valid, invalid, created,
                updated, failed, errors, moreErrors, problem, headline, headlineCss, progressUrl, recordsUrl, url);
    }

    public boolean skipMode() {
        return ImportWizardPage.SKIP_BAD_ROWS.equals(mode);
    }
}
