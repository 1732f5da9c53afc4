package io.tierflow.form.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.schema.FieldInput;
import io.tierflow.form.schema.FormInput;
import io.tierflow.form.schema.FormService;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import io.tierflow.core.identity.Role;
import io.tierflow.form.model.RoleAccess;

/** Form definitions: list, read, create (builders only), add a field. {@code {form}} is a key or an id. */
@Path("/api/forms")
@Authenticated
public class FormResource {

    @Inject
    FormService forms;

    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<List<FormDefinition>> list() {
        return forms.list();
    }

    @GET
    @Path("{form}")
    public Uni<FormDefinition> get(@PathParam("form") String form) {
        return forms.get(form);
    }

    @POST
    public Uni<Response> create(FormInput input) {
        return forms.create(Caller.of(identity), input)
                .map(f -> Response.created(URI.create("/api/forms/" + f.key())).entity(f).build());
    }

    /** Every role's effective access to the form's records. */
    @GET
    @Path("{form}/permissions")
    public Uni<Map<Role, RoleAccess>> permissions(@PathParam("form") String form) {
        return forms.get(form).map(f -> f.permissions().effective());
    }

    @PUT
    @Path("{form}/permissions")
    public Uni<Map<Role, RoleAccess>> setPermissions(@PathParam("form") String form, Map<Role, RoleAccess> roles) {
        return forms.setPermissions(Caller.of(identity), form, roles).map(f -> f.permissions().effective());
    }

    /** The tier model and approval binding together: {"tierModel":{"rules":[…]},"approval":{"tiers":["A"],…}}. */
    public record Tiering(io.tierflow.rule.tier.TierModel tierModel, io.tierflow.form.model.ApprovalBinding approval) {
    }

    @PUT
    @Path("{form}/tiering")
    public Uni<FormDefinition> setTiering(@PathParam("form") String form, Tiering tiering) {
        Tiering t = tiering == null ? new Tiering(null, null) : tiering;
        return forms.setTiering(Caller.of(identity), form, t.tierModel(), t.approval());
    }

    @GET
    @Path("{form}/triggers")
    public Uni<List<io.tierflow.form.trigger.TriggerRule>> triggers(@PathParam("form") String form) {
        return forms.get(form).map(FormDefinition::triggers);
    }

    @PUT
    @Path("{form}/triggers")
    public Uni<List<io.tierflow.form.trigger.TriggerRule>> setTriggers(@PathParam("form") String form,
            List<io.tierflow.form.trigger.TriggerRule> rules) {
        return forms.setTriggers(Caller.of(identity), form, rules).map(FormDefinition::triggers);
    }

    @DELETE
    @Path("{form}")
    public Uni<Response> delete(@PathParam("form") String form) {
        return forms.delete(Caller.of(identity), form).map(x -> Response.noContent().build());
    }

    @GET
    @Path("trash")
    public Uni<List<FormDefinition>> trash() {
        return forms.trash();
    }

    @POST
    @Path("trash/{id}/restore")
    public Uni<FormDefinition> restore(@PathParam("id") long id) {
        return forms.restore(Caller.of(identity), id);
    }

    @GET
    @Path("{form}/fields")
    public Uni<List<FieldDefinition>> fields(@PathParam("form") String form) {
        return forms.get(form).map(FormDefinition::fields);
    }

    @POST
    @Path("{form}/fields")
    public Uni<Response> addField(@PathParam("form") String form, FieldInput field) {
        return forms.addField(Caller.of(identity), form, field)
                .map(f -> Response.status(Response.Status.CREATED).entity(f.field(field.key()).orElseThrow()).build());
    }
}
