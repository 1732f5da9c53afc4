package io.tierflow.form.transfer;

import io.tierflow.core.db.OnWorker;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.core.audit.AuditLog;
import io.tierflow.core.error.Problem;
import io.tierflow.core.i18n.Messages;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RecordPage;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.record.FormAccess;
import io.tierflow.form.record.RecordService;
import io.tierflow.form.schema.FormRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Exports a form's records as the caller sees them in the list: same filter, search, tier, sort and field
 * selection, same row scope and hidden fields (it pages through {@link RecordService#list}). Everything that
 * can fail with a clear error (permission, a bad filter) fails in {@link #prepare}, before the response starts.
 */
@ApplicationScoped
public class ExportService {

    public static final String XLSX = "xlsx";
    public static final String CSV = "csv";
    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV_TYPE = "text/csv; charset=UTF-8";

    /** What to export: the list's query parameters plus the format. */
    public record Query(String format, JsonNode filter, String sort, String search, String tier, List<String> fields) {
    }

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    FormRepository forms;

    @Inject
    RecordService records;

    @Inject
    ExportCells cells;

    @Inject
    AuditLog audit;

    /** Checks everything and reads the first page; blocking (call it from a worker thread). */
    public RecordExport prepare(Caller caller, String formRef, Query query, Locale locale) {
        String format = query.format() == null || query.format().isBlank() ? XLSX : query.format().strip().toLowerCase(Locale.ROOT);
        if (!format.equals(XLSX) && !format.equals(CSV)) {
            throw Problem.badRequest("form.export.format", format);
        }
        FormDefinition def = OnWorker.await(() -> sessions.withSession(s -> forms.load(s, formRef)));
        RoleAccess access = FormAccess.require(caller, def, "export");
        List<FieldDefinition> columns = columns(def, access, query.fields());
        String ref = Long.toString(def.id());
        RecordPage first = OnWorker.await(() -> records.list(caller, ref, page(query, null, null)));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("format", format);
        detail.put("filter", query.filter());
        detail.put("q", query.search());
        detail.put("tier", query.tier());
        detail.put("sort", query.sort());
        detail.put("fields", columns.stream().map(FieldDefinition::key).toList());
        OnWorker.await(() -> sessions.withTransaction(s -> audit.record(s, caller.id(), "form.export", "form", ref, detail)));
        List<String> header = new ArrayList<>(columns.stream().map(FieldDefinition::label).toList());
        header.add(Messages.text(locale, "form.export.tier"));
        String fileName = def.name() + "." + format;
        return new RecordExport(format.equals(XLSX) ? XLSX_TYPE : CSV_TYPE,
                ContentDisposition.attachment(fileName, def.key() + "." + format),
                out -> write(caller, ref, def, columns, header, query, first, format, out));
    }

    private void write(Caller caller, String ref, FormDefinition def, List<FieldDefinition> columns, List<String> header,
            Query query, RecordPage first, String format, java.io.OutputStream out) throws java.io.IOException {
        SheetWriter sheet = format.equals(XLSX) ? new XlsxSheetWriter(out, def.name()) : new CsvSheetWriter(out);
        sheet.header(header);
        RecordPage page = first;
        while (true) {
            for (var record : page.items()) {
                List<ExportCell> row = new ArrayList<>(columns.size() + 1);
                for (FieldDefinition f : columns) {
                    row.add(cells.cell(f, record.values().get(f.key())));
                }
                row.add(ExportCell.text(record.tier()));
                sheet.row(row);
            }
            sheet.flush();
            if (page.cursor() == null && page.next() == null) {
                break;
            }
            RecordPage current = page;
            page = OnWorker.await(() -> records.list(caller, ref, page(query, current.next(), current.cursor())));
        }
        sheet.finish();
    }

    private static RecordService.ListQuery page(Query q, Long after, String cursor) {
        return new RecordService.ListQuery(RecordService.MAX_PAGE, after, q.tier(), q.search(), false, q.filter(), q.sort(),
                cursor, q.fields());
    }

    /** The fields asked for (in that order) or every field, less those hidden from the caller's role. */
    private static List<FieldDefinition> columns(FormDefinition def, RoleAccess access, List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            return def.fields().stream().filter(f -> !access.hidden(f.key())).toList();
        }
        // unknown or hidden keys are refused by the list itself, with the list's own error
        return keys.stream().map(def::field).flatMap(java.util.Optional::stream).filter(f -> !access.hidden(f.key())).toList();
    }
}
