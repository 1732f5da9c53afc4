package io.tierflow.ui.records;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.WithFormRead;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.record.FormAccess;
import io.tierflow.form.record.RecordService;
import io.tierflow.form.schema.FormService;
import io.tierflow.ui.web.Flash;
import io.tierflow.ui.web.Pages;
import io.tierflow.ui.web.Redirects;

/**
 * {@code GET /forms/{form}/new} and {@code POST /forms/{form}/records}: a new record. A refused save shows
 * the form again, with what was typed and each message under its field (400); a saved one leads to its page.
 */
@Path("/forms")
@Produces(MediaType.TEXT_HTML)
public class RecordCreatePage {

    @Inject
    Pages pages;

    @Inject
    FormService forms;

    @Inject
    RecordService records;

    @Inject
    RecordFields fields;

    @Inject
    RelationTitles relations;

    @Inject
    RecordLiveFields live;

    @Inject
    @Location("records/new.html")
    Template template;

    @GET
    @Path("{form}/new")
    public Uni<TemplateInstance> form(@RestPath String form, @Context UriInfo uri) {
        Caller caller = pages.caller();
        return forms.get(form).chain(def -> {
            FormAccess.require(caller, def, "create");
            return view(def, caller, prefilled(def, caller, uri), FormErrors.NONE);
        });
    }

    /**
     * Values given in the address ({@code ?values.customer=12}, as a related record's "new" link does), for the
     * fields the caller may write; the user still sees and saves them.
     */
    private Map<String, String> prefilled(FormDefinition def, Caller caller, UriInfo uri) {
        RoleAccess access = def.permissions().access(caller.role());
        Map<String, String> texts = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (name.startsWith(RecordFields.PARAM_PREFIX) && !values.isEmpty()) {
                String key = name.substring(RecordFields.PARAM_PREFIX.length());
                if (fields.writable(def, access, key)) {
                    texts.put(key, values.get(0));
                }
            }
        });
        return texts;
    }

    @POST
    @Path("{form}/records")
    @WithFormRead
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    public Uni<Response> create(@RestPath String form) {
        Caller caller = pages.caller();
        Map<String, List<String>> posted = RecordFields.posted();
        return forms.get(form).chain(def -> {
            RoleAccess access = def.permissions().access(caller.role());
            RecordFields.Submitted submitted = fields.submitted(def, access, posted);
            // deferred: a service that refuses before it starts (throws) is handled like one that fails later
            return Uni.createFrom().deferred(() -> records.create(caller, def.key(), submitted.values()))
                    .map(saved -> Redirects.seeOther("/forms/" + def.key() + "/records/" + saved.id())
                            .cookie(Flash.success("ui.records.saved")).build())
                    .onFailure(FormErrors::handles).recoverWithUni(e -> {
                        FormErrors errors = FormErrors.of((Problem) e, pages, key -> fields.writable(def, access, key));
                        return view(def, caller, submitted.texts(), errors)
                                .map(view -> Response.status(((Problem) e).status()).entity(view).build());
                    });
        });
    }

    private Uni<TemplateInstance> view(FormDefinition def, Caller caller, Map<String, String> texts, FormErrors errors) {
        RoleAccess access = def.permissions().access(caller.role());
        TemplateInstance view = pages.page(template).data("formKey", def.key()).data("formName", def.name())
                .data("creating", true).data("formError", errors.form()).data("layout", io.tierflow.form.model.FormLayout.of(def));
        return relations.resolve(caller, fields.inputs(def, access, texts, Map.of(), errors.fields()))
                .map(inputs -> view.data("inputs", inputs))
                .chain(v -> live.of(caller, def, null, live.values(def, access, texts)).map(l -> v.data("live", l)));
    }
}
