package io.tierflow.form.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FormLayout;
import io.tierflow.form.schema.FormLayouts;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * A form's page layout: {@code {"tabs":[{"title":"基本信息","sections":[{"title":"联系方式","columns":2,"fields":["name","phone"]}]}]}}.
 * GET gives the layout the record pages use (every live field placed once); PUT replaces it (builders only).
 */
@Path("/api/forms/{form}/layout")
@Authenticated
public class FormLayoutResource {

    @Inject
    FormLayouts layouts;

    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<FormLayout> get(@PathParam("form") String form) {
        return layouts.get(form);
    }

    @PUT
    public Uni<FormLayout> put(@PathParam("form") String form, FormLayout layout) {
        return layouts.set(Caller.of(identity), form, layout).map(FormLayout::of);
    }
}
