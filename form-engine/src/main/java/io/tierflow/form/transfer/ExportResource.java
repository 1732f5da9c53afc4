package io.tierflow.form.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.i18n.RequestLocale;
import io.tierflow.core.identity.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code GET /api/forms/{form}/export?format=xlsx|csv} with the record list's {@code filter}, {@code sort},
 * {@code q}, {@code tier} and {@code fields}. Blocking: the file is written to the response stream page by page.
 */
@Path("/api/forms/{form}/export")
@Authenticated
public class ExportResource {

    @Inject
    ExportService exports;

    @Inject
    SecurityIdentity identity;

    @Inject
    RequestLocale locale;

    @Inject
    ObjectMapper json;

    @GET
    @Blocking
    public Response export(@PathParam("form") String form, @QueryParam("format") String format,
            @QueryParam("filter") String filter, @QueryParam("sort") String sort, @QueryParam("q") String search,
            @QueryParam("tier") String tier, @QueryParam("fields") String fields) {
        RecordExport export = exports.prepare(Caller.of(identity), form, new ExportService.Query(format, filter(filter), sort,
                search, tier, fields == null || fields.isBlank() ? null : List.of(fields.split(","))), locale.get());
        return Response.ok(export).type(export.mediaType())
                .header("Content-Disposition", export.contentDisposition())
                .header("Cache-Control", "no-store")
                .build();
    }

    private JsonNode filter(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        try {
            return json.readTree(filter);
        } catch (JsonProcessingException e) {
            throw Problem.invalid(List.of(new FieldProblem("filter", "form.filter.not-json")));
        }
    }
}
