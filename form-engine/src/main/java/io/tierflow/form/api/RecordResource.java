package io.tierflow.form.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.RecordPage;
import io.tierflow.form.model.RecordView;
import io.tierflow.form.record.RecordHistory;
import io.tierflow.form.record.RecordService;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** A form's records: list (newest first, keyset pages), create, read, and patch with the version read. */
@Path("/api/forms/{form}/records")
@Authenticated
public class RecordResource {

    /** Body of create and patch: {@code {"version": 3, "values": {"name": "…"}}}; version only on patch. */
    public record RecordBody(Long version, JsonNode values) {
    }

    @Inject
    RecordService records;

    @Inject
    RecordHistory history;

    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<RecordPage> list(@PathParam("form") String form, @QueryParam("limit") Integer limit,
            @QueryParam("after") Long after, @QueryParam("tier") String tier, @QueryParam("q") String search) {
        return records.list(Caller.of(identity), form, new RecordService.ListQuery(limit, after, tier, search));
    }

    @POST
    public Uni<Response> create(@PathParam("form") String form, RecordBody body) {
        return records.create(Caller.of(identity), form, required(body).values())
                .map(r -> Response.created(URI.create("/api/forms/" + form + "/records/" + r.id())).entity(r).build());
    }

    @GET
    @Path("{id}")
    public Uni<RecordView> get(@PathParam("form") String form, @PathParam("id") long id) {
        return records.get(Caller.of(identity), form, id);
    }

    @PATCH
    @Path("{id}")
    public Uni<RecordView> patch(@PathParam("form") String form, @PathParam("id") long id, RecordBody body) {
        return records.update(Caller.of(identity), form, id, required(body).version(), body.values());
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("form") String form, @PathParam("id") long id) {
        return records.delete(Caller.of(identity), form, id).map(x -> Response.noContent().build());
    }

    @POST
    @Path("{id}/restore")
    public Uni<RecordView> restore(@PathParam("form") String form, @PathParam("id") long id) {
        return records.restore(Caller.of(identity), form, id);
    }

    @GET
    @Path("trash")
    public Uni<RecordPage> trash(@PathParam("form") String form, @QueryParam("limit") Integer limit,
            @QueryParam("after") Long after) {
        return records.list(Caller.of(identity), form, new RecordService.ListQuery(limit, after, null, null, true));
    }

    @GET
    @Path("{id}/history")
    public Uni<RecordHistory.History> history(@PathParam("form") String form, @PathParam("id") long id) {
        return history.of(Caller.of(identity), form, id);
    }

    private static RecordBody required(RecordBody body) {
        if (body == null) {
            throw Problem.invalid(List.of(new FieldProblem("values", "form.values.not-an-object")));
        }
        return body;
    }
}
