package io.tierflow.form.api;

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
 * What data linkage puts into a field for values being typed, as the write would:
 * {@code POST /api/forms/order/linkage/phone {"values": {"customer_name": "甲公司"}}} →
 * {@code {"field": "phone", "matched": true, "value": "0571-1234567"}}. Only records the caller may see match.
 * Whether to apply it is the client's call: saving fills an empty field or one that still holds a linked value.
 */
@Path("/api/forms/{form}/linkage")
@Authenticated
public class LinkageResource {

    @Inject
    LiveFields live;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("{field}")
    public Uni<LiveFields.Linked> fill(@PathParam("form") String form, @PathParam("field") String field,
            VisibilityResource.Typed body) {
        return live.linkage(Caller.of(identity), form, field, body == null ? null : body.record(),
                body == null ? null : body.values());
    }
}
