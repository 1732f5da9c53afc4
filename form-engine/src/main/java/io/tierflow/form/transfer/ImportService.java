package io.tierflow.form.transfer;

import io.tierflow.core.db.OnWorker;

import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.record.FormAccess;
import io.tierflow.form.schema.CompiledForm;
import io.tierflow.form.schema.FormCompiler;
import io.tierflow.form.schema.FormRepository;
import io.tierflow.form.type.FieldTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Starts an import. Everything about the request is checked at once, before any row: permission, the file
 * (format, encoding, size, row count), the mapping and the upsert field; such errors are plain 400/403/413
 * answers. The rows are then imported as a job ({@code import_job}): a file of at most {@value #SYNC_ROWS}
 * rows within the request, which answers with the final report; a larger one on {@link ImportExecutor}'s
 * threads, the request answering at once with the running job.
 */
@ApplicationScoped
public class ImportService {

    static final int SYNC_ROWS = 1000;

    /** The job's report, and whether the import already finished. */
    public record Started(ImportReport report, boolean finished) {
    }

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    FormRepository forms;

    @Inject
    FormCompiler compiler;

    @Inject
    FieldTypes types;

    @Inject
    ImportJobs jobs;

    @Inject
    ImportRunner runner;

    @Inject
    ImportExecutor executor;

    /** Blocking: call it from a worker thread. The file may be deleted once this returns. */
    public Started start(Caller caller, String formRef, Path file, String fileName, ImportOptions options, Locale locale) {
        FormDefinition def = OnWorker.await(() -> sessions.withSession(s -> forms.load(s, formRef)));
        RoleAccess access = FormAccess.require(caller, def, "import");
        if (options.upsertBy() != null) {
            // matching rows to records changes existing records: that is editing
            FormAccess.require(caller, def, "edit");
        }
        CompiledForm form = compiler.compiled(def);
        ImportedSheet sheet = SheetReader.read(file);
        ColumnMapping mapping = ColumnMapping.resolve(def, access, types, sheet.header(), options.mapping(), locale);
        ColumnMapping.Column upsert = upsertColumn(def, access, mapping, options.upsertBy());
        // a row with nothing in the imported columns is not a record (Excel leaves such rows below the data)
        List<ImportedSheet.Row> rows = sheet.rows().stream().filter(r -> !r.errors().isEmpty()
                || mapping.columns().stream().anyMatch(c -> r.cell(c.index()) != null && !r.cell(c.index()).isBlank())).toList();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("mapping", mapping.asMap());
        report.put("ignoredColumns", mapping.ignored());
        long jobId = jobs.create(def.id(), caller.id(), options, fileName, sheet.format(), rows.size(), report)
                .await().indefinitely();
        ImportPlan plan = new ImportPlan(jobId, caller, def, form, access, mapping, options, upsert, locale);
        boolean finished = rows.size() <= SYNC_ROWS;
        if (finished) {
            runner.run(plan, rows);
        } else {
            try {
                executor.submit(() -> runner.run(plan, rows));
            } catch (RejectedExecutionException e) {
                jobs.finish(jobId, ImportJobs.FAILED, new ImportTally(), Map.of("problem", Map.of("code", "form.import.busy")))
                        .await().indefinitely();
                throw new Problem(503, "form.import.busy");
            }
        }
        return new Started(jobs.find(jobId, Long.toString(def.id()), caller.id(), true, locale).await().indefinitely(), finished);
    }

    /** The column that matches rows to records: a visible, single-valued field the file fills. */
    private static ColumnMapping.Column upsertColumn(FormDefinition def, RoleAccess access, ColumnMapping mapping, String key) {
        if (key == null) {
            return null;
        }
        FieldDefinition field = def.field(key).filter(f -> !access.hidden(f.key())).orElse(null);
        ColumnMapping.Column column = field == null ? null : mapping.column(key).orElse(null);
        if (column == null || column.multiple()) {
            throw Problem.invalid(List.of(new FieldProblem("upsertBy", "form.import.upsert-field", key)));
        }
        return column;
    }
}
