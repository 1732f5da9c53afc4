package io.tierflow.flow.history;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.record.RecordService;
import io.tierflow.form.schema.FormService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * A record's processes (approvals with their tasks, decisions and comments). Whoever may not see the record
 * gets 404 from the record check first, so the history leaks nothing.
 */
@Path("/api/forms/{form}/records/{id}/processes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ProcessHistoryResource {

    @Inject
    ProcessQueries queries;

    @Inject
    RecordService records;

    @Inject
    FormService forms;

    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<List<Map<String, Object>>> processes(@PathParam("form") String form, @PathParam("id") long id) {
        return records.get(Caller.of(identity), form, id)
                .chain(visible -> forms.get(form))
                .chain(def -> Uni.createFrom().item(() -> queries.processesOf(def.id(), id))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }
}
