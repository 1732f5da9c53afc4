package io.tierflow.ui.records;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.WithFormRead;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FormDefinition;
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
    @Location("records/new.html")
    Template template;

    @GET
    @Path("{form}/new")
    public Uni<TemplateInstance> form(@RestPath String form) {
        return forms.get(form).map(def -> view(def, Map.of(), FormErrors.NONE));
    }

    @POST
    @Path("{form}/records")
    @WithFormRead
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    public Uni<Response> create(@RestPath String form) {
        Caller caller = pages.caller();
        Map<String, List<String>> posted = RecordFields.posted();
        return forms.get(form).chain(def -> {
            RecordFields.Submitted submitted = fields.submitted(def, posted);
            // deferred: a service that refuses before it starts (throws) is handled like one that fails later
            return Uni.createFrom().deferred(() -> records.create(caller, def.key(), submitted.values()))
                    .map(saved -> Redirects.seeOther("/forms/" + def.key() + "/records/" + saved.id())
                            .cookie(Flash.success("ui.records.saved")).build())
                    .onFailure(FormErrors::handles).recoverWithItem(e -> {
                        FormErrors errors = FormErrors.of((Problem) e, pages, key -> fields.writable(def, key));
                        return Response.status(((Problem) e).status()).entity(view(def, submitted.texts(), errors)).build();
                    });
        });
    }

    private TemplateInstance view(FormDefinition def, Map<String, String> texts, FormErrors errors) {
        return pages.page(template).data("formKey", def.key()).data("formName", def.name()).data("creating", true)
                .data("inputs", fields.inputs(def, texts, Map.of(), errors.fields())).data("formError", errors.form());
    }
}
