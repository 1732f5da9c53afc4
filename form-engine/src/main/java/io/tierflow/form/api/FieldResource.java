package io.tierflow.form.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.i18n.Messages;
import io.tierflow.core.i18n.RequestLocale;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.schema.FieldChanges;
import io.tierflow.form.schema.TypeChange;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Locale;

/** Schema changes of one form's fields: change, reorder, trash and restore, and previewed type changes. */
@Path("/api/forms/{form}/fields")
@Authenticated
public class FieldResource {

    /** A failing value of a type-change preview with its reason in the caller's language. */
    public record FailureView(long recordId, String value, String code, String message) {
    }

    public record PreviewView(long total, long empty, long convertible, long failing, List<FailureView> examples) {
    }

    @Inject
    FieldChanges changes;

    @Inject
    SecurityIdentity identity;

    @Inject
    RequestLocale locale;

    @PATCH
    @Path("{key}")
    public Uni<FieldDefinition> patch(@PathParam("form") String form, @PathParam("key") String key,
            FieldChanges.FieldPatch patch) {
        return changes.patch(Caller.of(identity), form, key, patch == null ? new FieldChanges.FieldPatch(null, null, null) : patch)
                .map(f -> f.field(key).orElseThrow());
    }

    @PUT
    @Path("order")
    public Uni<List<FieldDefinition>> reorder(@PathParam("form") String form, List<String> keys) {
        return changes.reorder(Caller.of(identity), form, keys).map(FormDefinition::fields);
    }

    @DELETE
    @Path("{key}")
    public Uni<List<FieldDefinition>> delete(@PathParam("form") String form, @PathParam("key") String key) {
        return changes.delete(Caller.of(identity), form, key).map(FormDefinition::fields);
    }

    @GET
    @Path("trash")
    public Uni<List<FieldDefinition>> trash(@PathParam("form") String form) {
        return changes.trash(form);
    }

    @POST
    @Path("{key}/restore")
    public Uni<FieldDefinition> restore(@PathParam("form") String form, @PathParam("key") String key) {
        return changes.restore(Caller.of(identity), form, key).map(f -> f.field(key).orElseThrow());
    }

    /** What changing the type would do, without changing anything. */
    @POST
    @Path("{key}/type/preview")
    public Uni<PreviewView> preview(@PathParam("form") String form, @PathParam("key") String key, TypeChange change) {
        Locale l = locale.get();
        return changes.preview(Caller.of(identity), form, key, change).map(p -> new PreviewView(p.total(), p.empty(),
                p.convertible(), p.failing(), p.examples().stream().map(f -> new FailureView(f.recordId(), f.value(), f.code(),
                        Messages.text(l, f.code(), f.args()))).toList()));
    }

    /** Converts the field after a preview; needs {@code "confirm": true}. */
    @POST
    @Path("{key}/type")
    public Uni<FieldDefinition> changeType(@PathParam("form") String form, @PathParam("key") String key, TypeChange change) {
        return changes.changeType(Caller.of(identity), form, key, change).map(f -> f.field(key).orElseThrow());
    }
}
