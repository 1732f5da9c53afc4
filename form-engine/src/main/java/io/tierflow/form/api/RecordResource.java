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
import io.tierflow.form.record.BulkWrite;
import io.tierflow.form.record.RecordHistory;
import io.tierflow.form.record.RelatedRecords;
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
import java.util.Map;

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
    io.tierflow.form.record.TierExplanation tierExplanation;

    @Inject
    io.tierflow.form.record.RelationExpansion expansion;

    @Inject
    io.tierflow.form.schema.FormService forms;

    @Inject
    BulkWrite bulk;

    @Inject
    RelatedRecords related;

    @Inject
    io.tierflow.form.record.RuleLog ruleLog;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Inject
    SecurityIdentity identity;

    @Inject
    io.tierflow.form.record.LiveFields live;

    /** A list query in a body, for filters too large for a URL. */
    public record QueryBody(Integer limit, String tier, String q, JsonNode filter, String sort, String cursor,
            List<String> fields) {
    }

    /**
     * Newest first, or by {@code sort} ("-revenue,name"). {@code filter} is a JSON filter tree
     * ({"and":[{"field":"revenue","op":"gte","value":100}]}); {@code fields} a comma-separated list of keys;
     * {@code expand} the relation fields whose linked records come along (as the caller may see them).
     */
    @GET
    public Uni<RecordPage> list(@PathParam("form") String form, @QueryParam("limit") Integer limit,
            @QueryParam("after") Long after, @QueryParam("tier") String tier, @QueryParam("q") String search,
            @QueryParam("filter") String filter, @QueryParam("sort") String sort, @QueryParam("cursor") String cursor,
            @QueryParam("fields") String fields, @QueryParam("expand") String expand) {
        Caller caller = Caller.of(identity);
        Uni<RecordPage> page = records.list(caller, form, new RecordService.ListQuery(limit, after, tier, search, false,
                parseFilter(filter), sort, cursor, fields == null || fields.isBlank() ? null : List.of(fields.split(","))));
        if (expand == null || expand.isBlank()) {
            return page;
        }
        return page.chain(p -> forms.get(form).chain(def -> expansion.expand(caller, def, p, List.of(expand.split(",")))));
    }

    @POST
    @Path("query")
    public Uni<RecordPage> query(@PathParam("form") String form, QueryBody body) {
        QueryBody q = body == null ? new QueryBody(null, null, null, null, null, null, null) : body;
        return records.list(Caller.of(identity), form, new RecordService.ListQuery(q.limit(), null, q.tier(), q.q(), false,
                q.filter(), q.sort(), q.cursor(), q.fields()));
    }

    private JsonNode parseFilter(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        try {
            return json.readTree(filter);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Problem.invalid(List.of(new FieldProblem("filter", "form.filter.not-json")));
        }
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

    /** Many creates, updates and deletes in one transaction: all of them, or none with an error per row. */
    @POST
    @Path("bulk")
    public Uni<BulkWrite.Result> bulk(@PathParam("form") String form, BulkWrite.Request request) {
        return bulk.apply(Caller.of(identity), form, request);
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
        return records.list(Caller.of(identity), form, new RecordService.ListQuery(limit, after, null, null, true, null, null, null, null));
    }

    /** The records of other forms that link to this one (the reverse side of their relations). */
    @GET
    @Path("{id}/related")
    public Uni<List<RelatedRecords.Group>> related(@PathParam("form") String form, @PathParam("id") long id) {
        return related.of(Caller.of(identity), form, id);
    }

    /** Why the record has its tier, evaluated now: rules, scores, stage, tags and any override. */
    @GET
    @Path("{id}/tier")
    public Uni<io.tierflow.form.record.TierExplanation.Explanation> tier(@PathParam("form") String form, @PathParam("id") long id) {
        return tierExplanation.of(Caller.of(identity), form, id);
    }

    /** Which trigger rules ran for the record, newest first. */
    @GET
    @Path("{id}/rule-log")
    public Uni<List<Map<String, Object>>> ruleLog(@PathParam("form") String form, @PathParam("id") long id) {
        return ruleLog.of(Caller.of(identity), form, id);
    }

    /** Which of the record's fields its values hide ({@code visibleWhen}) and which they show, by key. */
    @GET
    @Path("{id}/visibility")
    public Uni<io.tierflow.form.record.LiveFields.Visibility> visibility(@PathParam("form") String form, @PathParam("id") long id) {
        return live.visibility(Caller.of(identity), form, id, null);
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
