package io.tierflow.form.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.i18n.RequestLocale;
import io.tierflow.core.identity.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code POST /api/forms/{form}/import} (multipart: {@code file}, and optionally {@code mapping} JSON
 * {"column header": "fieldKey"}, {@code mode} all_or_nothing|skip_bad_rows, {@code dryRun}, {@code upsertBy}):
 * 200 with the final {@link ImportReport} for a file of up to 1000 rows, else 202 with the running job and its
 * {@code Location}. {@code GET /api/forms/{form}/imports/{id}}: the job's progress, to whoever started it and
 * to admins; 404 for anyone else.
 */
@Path("/api/forms/{form}")
@Authenticated
public class ImportResource {

    @Inject
    ImportService imports;

    @Inject
    ImportJobs jobs;

    @Inject
    SecurityIdentity identity;

    @Inject
    RequestLocale locale;

    @Inject
    ObjectMapper json;

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    public Response upload(@PathParam("form") String form, @RestForm("file") FileUpload file,
            @RestForm("mapping") String mapping, @RestForm("mode") String mode, @RestForm("dryRun") String dryRun,
            @RestForm("upsertBy") String upsertBy) {
        Caller caller = Caller.of(identity);
        if (file == null || file.uploadedFile() == null) {
            throw Problem.invalid(List.of(new FieldProblem("file", "form.import.file-required")));
        }
        ImportOptions options = ImportOptions.parse(mode, dryRun, upsertBy, mapping, json);
        ImportService.Started started = imports.start(caller, form, file.uploadedFile(), file.fileName(), options, locale.get());
        if (started.finished()) {
            return Response.ok(started.report()).build();
        }
        return Response.accepted(started.report())
                .location(URI.create("/api/forms/" + form + "/imports/" + started.report().id())).build();
    }

    @GET
    @Path("imports/{id}")
    public Uni<ImportReport> progress(@PathParam("form") String form, @PathParam("id") long id) {
        Caller caller = Caller.of(identity);
        return jobs.find(id, form, caller.id(), caller.isAdmin(), locale.get()).map(report -> {
            if (report == null) {
                throw Problem.notFound("form.import.not-found", id);
            }
            return report;
        });
    }
}
