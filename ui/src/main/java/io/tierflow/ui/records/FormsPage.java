package io.tierflow.ui.records;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.schema.FormService;
import io.tierflow.ui.web.Pages;

/** {@code GET /forms}: every form as a card leading to its records. */
@Path("/forms")
@Produces(MediaType.TEXT_HTML)
public class FormsPage {

    @TemplateData
    public record FormCard(String key, String name, int fields, List<TierBadge> tiers) {

        public String href() {
            return "/forms/" + key;
        }
    }

    @Inject
    Pages pages;

    @Inject
    FormService forms;

    @Inject
    @Location("records/forms.html")
    Template template;

    @GET
    public Uni<TemplateInstance> list() {
        // builders (admins, managers) get the designer: a new form, and "design" on each card
        boolean builder = pages.caller() != null && pages.caller().role() != io.tierflow.core.identity.Role.SALES;
        return forms.list().map(all -> pages.page(template).data("forms", all.stream().map(FormsPage::card).toList())
                .data("builder", builder));
    }

    private static FormCard card(FormDefinition f) {
        return new FormCard(f.key(), f.name(), f.fields().size(), TierBadge.tiers(f).stream().map(t -> TierBadge.of(f, t, t)).toList());
    }
}
