package io.tierflow.form.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.record.LiveFields;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * Which fields a form shows for values being typed (their {@code visibleWhen}):
 * {@code POST {"record": 12, "values": {"amount": 5000}}} → {@code {"hidden": ["discount_reason"], "visible": […]}}.
 * {@code record} is optional: the values are laid over that stored record. A stored record's own answer is
 * {@code GET /api/forms/{form}/records/{id}/visibility}.
 */
@Path("/api/forms/{form}/visibility")
@Authenticated
public class VisibilityResource {

    /** The values typed so far, over the stored record {@code record} when given. */
    public record Typed(Long record, JsonNode values) {
    }

    @Inject
    LiveFields live;

    @Inject
    SecurityIdentity identity;

    @POST
    public Uni<LiveFields.Visibility> evaluate(@PathParam("form") String form, Typed body) {
        return live.visibility(Caller.of(identity), form, body == null ? null : body.record(), body == null ? null : body.values());
    }
}
