package io.tierflow.ui.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.OnWorker;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.record.FormAccess;
import io.tierflow.form.schema.FormService;
import io.tierflow.form.transfer.ImportJobs;
import io.tierflow.form.transfer.ImportReport;
import io.tierflow.form.transfer.ImportOptions;
import io.tierflow.form.transfer.ImportService;
import io.tierflow.form.transfer.SheetPeek;
import io.tierflow.ui.records.RecordFields;
import io.tierflow.ui.web.Pages;
import io.tierflow.ui.web.PostedForm;
import io.tierflow.ui.web.Redirects;

/**
 * The import wizard, over form-engine's import API (same checks, same report):
 * <ol>
 * <li>{@code GET/POST /forms/{form}/import}: upload a CSV or XLSX file; it is kept between the steps
 * ({@link ImportUploads}) and checked at once in a dry run, which also finds the columns' fields by header;</li>
 * <li>{@code GET /forms/{form}/import/{token}}: the mapping: each column of the file (with its first values) and
 * the field it fills, which the user may change or leave out; the mode (all or nothing, or skip bad rows) and
 * the field that matches rows to existing records (upsert);</li>
 * <li>{@code POST …/{token}/preview}, {@code GET …/{token}/preview}: a dry run with that mapping, every bad row
 * with its reason;</li>
 * <li>{@code POST …/{token}/run}: the import; {@code GET /forms/{form}/imports/{id}} shows its progress (htmx polls
 * {@code …/progress} while it runs: files over 1000 rows run in the background) and then its report.</li>
 * </ol>
 * Blocking: the import API reads and checks the file on the calling thread.
 */
@Path("/forms")
@Produces(MediaType.TEXT_HTML)
public class ImportWizardPage {

    static final String ALL_OR_NOTHING = "all_or_nothing";
    static final String SKIP_BAD_ROWS = "skip_bad_rows";

    /** A choice in a select. */
    @TemplateData
    public record Option(String key, String label, boolean selected) {
    }

    /** One column of the file in the mapping step. */
    @TemplateData
    public record MappingColumn(int index, String header, List<String> samples, List<Option> fields, String note) {

        public String name() {
            return "map." + index;
        }

        public boolean mapped() {
            return fields.stream().anyMatch(o -> o.selected() && !o.key().isEmpty());
        }
    }

    @Inject
    Pages pages;

    @Inject
    FormService forms;

    @Inject
    RecordFields fields;

    @Inject
    ImportService imports;

    @Inject
    ObjectMapper json;

    @Inject
    ImportJobs jobs;

    @Inject
    ImportUploads uploads;

    @Inject
    @Location("imports/upload.html")
    Template uploadPage;

    @Inject
    @Location("imports/mapping.html")
    Template mappingPage;

    @Inject
    @Location("imports/preview.html")
    Template previewPage;

    @Inject
    @Location("imports/job.html")
    Template jobPage;

    @Inject
    @Location("imports/progress.html")
    Template progress;

    // ---- 1. upload ----

    @GET
    @Path("{form}/import")
    public Uni<TemplateInstance> upload(@RestPath String form) {
        Caller caller = pages.caller();
        return forms.get(form).map(def -> {
            FormAccess.require(caller, def, "import");
            return uploadView(def, null);
        });
    }

    @POST
    @Path("{form}/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    public Response upload(@RestPath String form, @RestForm("file") FileUpload file) {
        Caller caller = pages.caller();
        FormDefinition def = definition(form);
        FormAccess.require(caller, def, "import");
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return Response.status(400).entity(uploadView(def, pages.text("ui.import.file.required"))).build();
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.fileName() == null || file.fileName().isBlank() ? "upload" : file.fileName();
        String token = uploads.create(caller.id(), def.id(), name, content);
        ImportUploads.Upload upload = uploads.find(token, caller.id(), def.id());
        try {
            // a dry run with the columns found by header: the mapping step shows what it found
            ImportReport report = run(def, upload, null, ALL_OR_NOTHING, true, null);
            uploads.saveOptions(upload.id(), null, null, null, report.id());
        } catch (Problem p) {
            if (!"form.import.no-columns".equals(p.code())) {
                uploads.delete(upload.id());
                return Response.status(p.status()).entity(uploadView(def, message(p))).build();
            }
            // no header matches a field: the user maps the columns by hand
        }
        return Redirects.seeOther(base(def) + "/" + token).build();
    }

    private TemplateInstance uploadView(FormDefinition def, String error) {
        RoleAccess access = def.permissions().access(pages.caller().role());
        List<String> columns = RecordFields.visible(def, access).stream().filter(f -> fields.writable(def, access, f.key()))
                .map(FieldDefinition::label).toList();
        String template = "/api/forms/" + def.key() + "/export?format=xlsx&fields="
                + String.join(",", RecordFields.visible(def, access).stream().filter(f -> fields.writable(def, access, f.key()))
                        .map(FieldDefinition::key).toList())
                + "&filter=%7B%22field%22%3A%22id%22%2C%22op%22%3A%22lt%22%2C%22value%22%3A0%7D";
        return pages.page(uploadPage).data("formKey", def.key()).data("formName", def.name()).data("step", 1)
                .data("error", error).data("columns", columns).data("template", access.may("export") ? template : null);
    }

    // ---- 2. mapping ----

    @GET
    @Path("{form}/import/{token}")
    @Blocking
    public TemplateInstance mapping(@RestPath String form, @RestPath String token) {
        Caller caller = pages.caller();
        FormDefinition def = definition(form);
        FormAccess.require(caller, def, "import");
        ImportUploads.Upload upload = found(uploads.find(token, caller.id(), def.id()));
        return mappingView(def, upload, upload.mapping(), upload.mode(), upload.upsertBy(), null);
    }

    private TemplateInstance mappingView(FormDefinition def, ImportUploads.Upload upload, JsonNode chosen, String mode,
            String upsertBy, String error) {
        Caller caller = pages.caller();
        RoleAccess access = def.permissions().access(caller.role());
        ImportReport detected = upload.previewJob() == null ? null : report(def, upload.previewJob());
        JsonNode mapping = chosen != null ? chosen : detected == null ? null : detected.mapping();
        Map<String, String> notes = new LinkedHashMap<>();
        if (chosen == null && detected != null && detected.ignoredColumns() != null) {
            detected.ignoredColumns().forEach(i -> notes.put(i.path("column").asText(), i.path("message").asText(null)));
        }
        List<FieldDefinition> writable = RecordFields.visible(def, access).stream()
                .filter(f -> fields.writable(def, access, f.key())).toList();
        SheetPeek peek = SheetPeek.read(upload.content());
        List<String> headers = new ArrayList<>(peek.header());
        if (headers.isEmpty() && mapping != null) { // a file the peek cannot read: the columns the import found
            mapping.fieldNames().forEachRemaining(headers::add);
            notes.keySet().forEach(h -> {
                if (!headers.contains(h)) {
                    headers.add(h);
                }
            });
        }
        List<MappingColumn> columns = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i) == null ? "" : headers.get(i).strip();
            if (header.isEmpty()) {
                continue;
            }
            String key = mapping == null || !mapping.hasNonNull(header) ? "" : mapping.get(header).asText();
            List<Option> options = new ArrayList<>();
            options.add(new Option("", pages.text("ui.import.mapping.skip"), key.isEmpty()));
            for (FieldDefinition f : writable) {
                options.add(new Option(f.key(), f.label(), f.key().equals(key)));
            }
            columns.add(new MappingColumn(i, header, peek.samples(i), options, key.isEmpty() ? notes.get(header) : null));
        }
        String chosenMode = mode == null ? ALL_OR_NOTHING : mode;
        List<Option> upsert = new ArrayList<>();
        upsert.add(new Option("", pages.text("ui.import.upsert.none"), upsertBy == null));
        for (FieldDefinition f : writable) {
            if (!fields.type(f).columnType(f).endsWith("[]")) {
                upsert.add(new Option(f.key(), f.label(), f.key().equals(upsertBy)));
            }
        }
        return pages.page(mappingPage).data("formKey", def.key()).data("formName", def.name()).data("step", 2)
                .data("token", upload.token()).data("fileName", upload.fileName()).data("columns", columns)
                .data("mode", chosenMode).data("upsert", upsert).data("mayUpsert", access.may("edit"))
                .data("detected", detected).data("error", error);
    }

    // ---- 3. preview ----

    @POST
    @Path("{form}/import/{token}/preview")
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    @Blocking
    public Response preview(@RestPath String form, @RestPath String token, @RestForm String mode, @RestForm String upsertBy) {
        Caller caller = pages.caller();
        Map<String, String> posted = posted();
        FormDefinition def = definition(form);
        FormAccess.require(caller, def, "import");
        ImportUploads.Upload upload = found(uploads.find(token, caller.id(), def.id()));
        ObjectNode mapping = mapping(upload, posted);
        String m = SKIP_BAD_ROWS.equals(mode) ? SKIP_BAD_ROWS : ALL_OR_NOTHING;
        String upsert = upsertBy == null || upsertBy.isBlank() ? null : upsertBy.strip();
        try {
            ImportReport report = run(def, upload, mapping, m, true, upsert);
            uploads.saveOptions(upload.id(), mapping, m, upsert, report.id());
        } catch (Problem p) {
            return Response.status(p.status()).entity(mappingView(def, upload, mapping, m, upsert, message(p))).build();
        }
        return Redirects.seeOther(base(def) + "/" + token + "/preview").build();
    }

    /** Column header → field key (or null to leave it out) from the posted {@code map.<column index>}. */
    private static ObjectNode mapping(ImportUploads.Upload upload, Map<String, String> posted) {
        SheetPeek peek = SheetPeek.read(upload.content());
        ObjectNode mapping = JsonNodeFactory.instance.objectNode();
        posted.forEach((name, key) -> {
            if (name.startsWith("map.") && name.substring(4).matches("\\d{1,3}")) {
                int i = Integer.parseInt(name.substring(4));
                String header = i < peek.header().size() ? peek.header().get(i) : null;
                if (header != null && !header.isBlank()) {
                    if (key == null || key.isBlank()) {
                        mapping.putNull(header.strip());
                    } else {
                        mapping.put(header.strip(), key.strip());
                    }
                }
            }
        });
        return mapping;
    }

    @GET
    @Path("{form}/import/{token}/preview")
    @Blocking
    public TemplateInstance previewPage(@RestPath String form, @RestPath String token) {
        Caller caller = pages.caller();
        FormDefinition def = definition(form);
        FormAccess.require(caller, def, "import");
        ImportUploads.Upload upload = found(uploads.find(token, caller.id(), def.id()));
        if (upload.previewJob() == null) {
            throw Problem.notFound("form.import.not-found", token);
        }
        return previewView(def, upload, null);
    }

    private TemplateInstance previewView(FormDefinition def, ImportUploads.Upload upload, String error) {
        ImportReport report = report(def, upload.previewJob());
        return pages.page(previewPage).data("formKey", def.key()).data("formName", def.name()).data("step", 3)
                .data("token", upload.token()).data("fileName", upload.fileName())
                .data("report", ReportView.of(report, pages::text, def.key()))
                .data("mode", upload.mode() == null ? ALL_OR_NOTHING : upload.mode()).data("error", error);
    }

    // ---- 4. run ----

    @POST
    @Path("{form}/import/{token}/run")
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    @Blocking
    public Response run(@RestPath String form, @RestPath String token, @RestForm String mode) {
        Caller caller = pages.caller();
        FormDefinition def = definition(form);
        FormAccess.require(caller, def, "import");
        ImportUploads.Upload upload = found(uploads.find(token, caller.id(), def.id()));
        String m = mode == null || mode.isBlank() ? upload.mode() == null ? ALL_OR_NOTHING : upload.mode()
                : SKIP_BAD_ROWS.equals(mode) ? SKIP_BAD_ROWS : ALL_OR_NOTHING;
        ImportReport report;
        try {
            report = run(def, upload, upload.mapping(), m, false, upload.upsertBy());
        } catch (Problem p) {
            return Response.status(p.status()).entity(previewView(def, upload, message(p))).build();
        }
        uploads.saveRun(upload.id(), m, report.id());
        return Redirects.seeOther("/forms/" + def.key() + "/imports/" + report.id()).build();
    }

    @GET
    @Path("{form}/imports/{id}")
    @Blocking
    public TemplateInstance job(@RestPath String form, @RestPath long id) {
        Caller caller = pages.caller();
        FormDefinition def = definition(form);
        return pages.page(jobPage).data("formKey", def.key()).data("formName", def.name()).data("step", 4)
                .data("report", jobReport(def, caller, id));
    }

    /** A job's report, with the way back to its file's check while the upload is kept. */
    private ReportView jobReport(FormDefinition def, Caller caller, long id) {
        ReportView report = ReportView.of(report(def, id), pages::text, def.key());
        String token = uploads.tokenOfRun(id, caller.id());
        return token == null ? report : report.withRetry(base(def) + "/" + token + "/preview");
    }

    /** The job's progress while it runs (polled every second), then its report in place of the progress bar. */
    @GET
    @Path("{form}/imports/{id}/progress")
    @Blocking
    public TemplateInstance progress(@RestPath String form, @RestPath long id) {
        FormDefinition def = definition(form);
        return pages.page(progress).data("formKey", def.key()).data("report", jobReport(def, pages.caller(), id));
    }

    // ---- helpers ----

    /** Runs the import service as the caller, on this (worker) thread, with a copy of the stored file. */
    private ImportReport run(FormDefinition def, ImportUploads.Upload upload, JsonNode mapping, String mode, boolean dryRun,
            String upsertBy) {
        java.nio.file.Path file = null;
        try {
            file = Files.createTempFile("tierflow-import-", ".upload");
            Files.write(file, upload.content());
            ImportOptions options = ImportOptions.parse(mode, Boolean.toString(dryRun), upsertBy,
                    mapping == null ? null : mapping.toString(), json);
            return imports.start(pages.caller(), def.key(), file, upload.fileName(), options, pages.locale()).report();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file the system cleans up
                }
            }
        }
    }

    private ImportReport report(FormDefinition def, long id) {
        Caller caller = pages.caller();
        ImportReport report = OnWorker.await(() -> jobs.find(id, def.key(), caller.id(), caller.isAdmin(), pages.locale()));
        if (report == null) {
            throw Problem.notFound("form.import.not-found", id);
        }
        return report;
    }

    private FormDefinition definition(String form) {
        return OnWorker.await(() -> forms.get(form));
    }

    private static ImportUploads.Upload found(ImportUploads.Upload upload) {
        if (upload == null) {
            throw new Problem(404, "ui.import.upload.gone");
        }
        return upload;
    }

    private String message(Problem p) {
        if (p.fields().isEmpty()) {
            return pages.text(p.code(), p.args());
        }
        List<String> texts = new ArrayList<>();
        for (FieldProblem f : p.fields()) {
            texts.add(pages.text(f.code(), f.args()));
        }
        return String.join(" ", texts);
    }

    private static String base(FormDefinition def) {
        return "/forms/" + def.key() + "/import";
    }

    /** The first value of every posted form field; call it on the request's thread. */
    private static Map<String, String> posted() {
        Map<String, String> posted = new LinkedHashMap<>();
        PostedForm.all().forEach((name, values) -> {
            if (!values.isEmpty()) {
                posted.put(name, values.get(0));
            }
        });
        return posted;
    }

}
