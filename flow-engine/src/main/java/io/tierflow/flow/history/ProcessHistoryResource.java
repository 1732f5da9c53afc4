package io.tierflow.flow.history;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;

/**
 * A record's approval history. For now any signed-in user may read it; the record-level view
 * check comes with form-engine's permissions, when this moves under /api/forms/{form}/records/{id}.
 */
@Path("/api/flow/records/{formId}/{recordId}/processes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Blocking
public class ProcessHistoryResource {

    @Inject
    ProcessQueries queries;

    @GET
    public List<Map<String, Object>> processes(@PathParam("formId") long formId, @PathParam("recordId") long recordId) {
        return queries.processesOf(formId, recordId);
    }
}
