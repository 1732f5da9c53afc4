package io.tierflow.flow.task;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.tierflow.core.identity.Caller;

/** The task inbox and its actions. Flowable is blocking JDBC, so this runs on worker threads. */
@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Blocking
public class TaskResource {

    /** Body of approve and reject; the comment is required to reject. */
    public record DecisionRequest(String comment) {
    }

    public record DecisionResponse(String taskId, String outcome) {
    }

    @Inject
    TaskInbox inbox;

    @Inject
    TaskDecisions decisions;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<TaskView> list() {
        return inbox.of(Caller.of(identity));
    }

    // Each action takes a JSON body, an HTML form (htmx pages) or nothing at all (a bare POST).

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public DecisionResponse approve(@PathParam("id") String id, DecisionRequest request) {
        return decide(id, Decision.APPROVE, request == null ? null : request.comment());
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public DecisionResponse approveForm(@PathParam("id") String id, @FormParam("comment") String comment) {
        return decide(id, Decision.APPROVE, comment);
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.WILDCARD)
    public DecisionResponse approveBare(@PathParam("id") String id) {
        return decide(id, Decision.APPROVE, null);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public DecisionResponse reject(@PathParam("id") String id, DecisionRequest request) {
        return decide(id, Decision.REJECT, request == null ? null : request.comment());
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public DecisionResponse rejectForm(@PathParam("id") String id, @FormParam("comment") String comment) {
        return decide(id, Decision.REJECT, comment);
    }

    /** Answered with the field error of a missing comment. */
    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.WILDCARD)
    public DecisionResponse rejectBare(@PathParam("id") String id) {
        return decide(id, Decision.REJECT, null);
    }

    private DecisionResponse decide(String id, Decision decision, String comment) {
        var result = decisions.decide(Caller.of(identity), id, decision, comment);
        return new DecisionResponse(result.taskId(), result.outcome());
    }
}
