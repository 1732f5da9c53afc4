package io.tierflow.flow.task;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.tierflow.core.identity.Caller;
import io.tierflow.flow.todo.TodoTasks;

/** The task inbox and its actions. Flowable is blocking JDBC, so this runs on worker threads. */
@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Blocking
public class TaskResource {

    /** JSON body of approve and reject; the comment is required to reject. */
    public record DecisionRequest(String comment) {
    }

    public record DecisionResponse(String taskId, String outcome) {
    }

    @Inject
    TaskInbox inbox;

    @Inject
    TaskDecisions decisions;

    @Inject
    TodoCompletions completions;

    @Inject
    ObjectMapper json;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<TaskView> list() {
        return inbox.of(Caller.of(identity));
    }

    /**
     * Approve or reject. The body is JSON ({@code {"comment":"…"}}), an HTML form ({@code comment=…}, htmx pages) or
     * nothing at all (a bare POST); the comment is required to reject.
     */
    @POST
    @Path("/{id}/{decision:approve|reject}")
    @Consumes(MediaType.WILDCARD)
    public DecisionResponse decide(@PathParam("id") String id, @PathParam("decision") String decision,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) throws JsonProcessingException {
        return decide(id, Decision.valueOf(decision.toUpperCase(Locale.ROOT)), comment(contentType, body));
    }

    /** Completes a to-do task (404 when it is not the caller's, 409 for an approval, which is decided instead). */
    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.WILDCARD)
    public DecisionResponse complete(@PathParam("id") String id) {
        completions.complete(Caller.of(identity), id);
        return new DecisionResponse(id, TodoTasks.COMPLETED);
    }

    /** The comment of a decision's body, read by its content type; null for a bare POST or any other body. */
    private String comment(String contentType, String body) throws JsonProcessingException {
        if (body == null || body.isBlank() || contentType == null) {
            return null;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e);
        }
        if (is(type, MediaType.APPLICATION_JSON_TYPE)) {
            DecisionRequest request = json.readValue(body, DecisionRequest.class);
            return request == null ? null : request.comment();
        }
        if (is(type, MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            Charset charset = charset(type);
            try {
                for (String pair : body.split("&")) {
                    int eq = pair.indexOf('=');
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
                    if ("comment".equals(name)) {
                        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
                    }
                }
            } catch (IllegalArgumentException e) { // a broken %-escape
                throw new BadRequestException(e);
            }
        }
        return null;
    }

    private static boolean is(MediaType type, MediaType wanted) {
        return wanted.getType().equalsIgnoreCase(type.getType()) && wanted.getSubtype().equalsIgnoreCase(type.getSubtype());
    }

    private static Charset charset(MediaType type) {
        try {
            return Charset.forName(type.getParameters().getOrDefault(MediaType.CHARSET_PARAMETER, "UTF-8"));
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private DecisionResponse decide(String id, Decision decision, String comment) {
        var result = decisions.decide(Caller.of(identity), id, decision, comment);
        return new DecisionResponse(result.taskId(), result.outcome());
    }
}
