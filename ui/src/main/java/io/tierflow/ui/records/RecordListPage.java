package io.tierflow.ui.records;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.record.RecordService;
import io.tierflow.form.schema.FormService;
import io.tierflow.ui.web.Pages;

/**
 * {@code GET /forms/{form}}: the records of a form, newest first, with a search on the title field and a
 * tier filter. htmx asks for parts of it: the filters swap in just the results, "more" appends the next
 * keyset page's rows. A history restore (back button after htmx pushed the URL) gets the whole page.
 */
@Path("/forms")
@Produces(MediaType.TEXT_HTML)
public class RecordListPage {

    @Inject
    Pages pages;

    @Inject
    FormService forms;

    @Inject
    RecordService records;

    @Inject
    RecordFields fields;

    @Inject
    @Location("records/list.html")
    Template page;

    @Inject
    @Location("records/results.html")
    Template results;

    @Inject
    @Location("records/rows.html")
    Template rows;

    @GET
    @Path("{form}")
    public Uni<Response> list(@RestPath String form, @RestQuery String q, @RestQuery String tier, @RestQuery Long after,
            @RestQuery Integer limit, @RestHeader("HX-Request") String htmx,
            @RestHeader("HX-History-Restore-Request") String restore) {
        RecordTable.Filter filter = new RecordTable.Filter(blankToNull(q), blankToNull(tier), limit);
        RecordService.ListQuery query = new RecordService.ListQuery(limit, after, filter.tier(), filter.q());
        boolean partial = htmx != null && restore == null;
        return forms.get(form).chain(def -> records.list(pages.caller(), def.key(), query).map(found -> {
            RecordTable table = RecordTable.of(def, fields, found, filter, pages.text("ui.records.tier.none"));
            Template template = !partial ? page : after != null ? rows : results;
            TemplateInstance view = pages.page(template).data("table", table).data("formKey", def.key())
                    .data("filtered", filter.q() != null || filter.tier() != null || after != null);
            if (!partial) {
                view.data("formName", def.name()).data("filter", filter).data("tiers", TierBadge.tiers(def))
                        .data("searchLabel", def.titleField().map(FieldDefinition::label).orElse(null));
            }
            return Response.ok(view).header("Vary", "HX-Request").build();
        }));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
