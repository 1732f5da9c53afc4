package io.tierflow.ui.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RecordView;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.record.RecordService;
import io.tierflow.form.schema.FormService;
import io.tierflow.form.type.RelationFieldType;
import io.tierflow.ui.web.Pages;
import io.tierflow.ui.web.Times;

/**
 * The relation picker's htmx parts (records/picker.html):
 * <ul>
 * <li>{@code GET /forms/{form}/relation/{field}/search?q=}: the target form's records the caller may see whose
 * searchable fields contain {@code q} (the newest ones when it is empty), by title, without those already linked;</li>
 * <li>{@code GET /forms/{form}/relation/{field}/picker?add=12|remove=12}: the picker again with one more or one
 * less linked record (a single relation replaces its record).</li>
 * </ul>
 * Both read the linked ids from the picker's hidden input ({@code values.<field>}, sent along by hx-include).
 * Only for a relation field the caller's role may write: the picker is an input, and nothing else asks.
 */
@Path("/forms")
@Produces(MediaType.TEXT_HTML)
public class RelationPicker {

    static final int RESULTS = 8;

    /** A record to choose: its title, tier and when it last changed. */
    @TemplateData
    public record Option(long id, String title, TierBadge tier, String detail) {
    }

    @Inject
    Pages pages;

    @Inject
    FormService forms;

    @Inject
    RecordService records;

    @Inject
    RecordFields fields;

    @Inject
    RelationTitles titles;

    @Inject
    @Location("records/picker.html")
    Template picker;

    @Inject
    @Location("records/picker-options.html")
    Template options;

    @GET
    @Path("{form}/relation/{field}/search")
    public Uni<TemplateInstance> search(@RestPath String form, @RestPath String field, @RestQuery String q,
            @Context UriInfo uri) {
        Caller caller = pages.caller();
        String text = q == null || q.isBlank() ? null : q.strip();
        return input(caller, form, field, uri, null, null).chain(in -> forms.get(in.relation().targetForm()).chain(target ->
                records.list(caller, target.key(), new RecordService.ListQuery(RESULTS + in.relation().ids().size(), null, null, text))
                        .map(page -> {
                            List<Option> found = new ArrayList<>();
                            String noTier = pages.text("ui.records.tier.none");
                            for (RecordView r : page.items()) {
                                if (!in.relation().ids().contains(r.id()) && found.size() < RESULTS) {
                                    found.add(new Option(r.id(), titles.title(target, r),
                                            r.tier() == null ? null : TierBadge.of(target, r.tier(), noTier),
                                            pages.text("ui.relation.updated", Times.format(r.updatedAt()))));
                                }
                            }
                            return pages.page(options).data("f", in).data("formKey", form).data("options", found)
                                    .data("q", text);
                        })));
    }

    @GET
    @Path("{form}/relation/{field}/picker")
    public Uni<TemplateInstance> picker(@RestPath String form, @RestPath String field, @RestQuery Long add,
            @RestQuery Long remove, @RestQuery String focus, @Context UriInfo uri) {
        Caller caller = pages.caller();
        return input(caller, form, field, uri, add, remove).chain(in -> titles.resolve(caller, List.of(in)))
                .map(in -> {
                    TemplateInstance view = pages.page(picker).data("f", in.get(0)).data("formKey", form);
                    // back to the search where the user goes on: after a change, or to add another record
                    return focus != null || (add != null && in.get(0).relation().multiple()) ? view.data("focus", true) : view;
                });
    }

    /** The field's input with the posted ids, one added or removed; 404 unless it is a relation the caller may write. */
    private Uni<FieldInput> input(Caller caller, String form, String field, UriInfo uri, Long add, Long remove) {
        return forms.get(form).map(def -> {
            RoleAccess access = def.permissions().access(caller.role());
            FieldDefinition f = def.field(field).filter(d -> fields.type(d) instanceof RelationFieldType)
                    .filter(d -> access.may("view") && fields.writable(def, access, d.key()))
                    .orElseThrow(() -> Problem.notFound("form.field.not-found", field));
            List<Long> ids = new ArrayList<>(RecordFields.ids(uri.getQueryParameters().getFirst(RecordFields.PARAM_PREFIX + field)));
            if (remove != null) {
                ids.remove(remove);
            }
            if (add != null && !ids.contains(add)) {
                if (!RelationFieldType.multiple(f)) {
                    ids.clear();
                }
                ids.add(add);
            }
            String text = String.join(",", ids.stream().map(String::valueOf).toList());
            return only(def, access, f, text);
        });
    }

    private FieldInput only(FormDefinition def, RoleAccess access, FieldDefinition f, String text) {
        return fields.inputs(def, access, Map.of(f.key(), text), Map.of(), Map.of()).stream()
                .filter(i -> i.key().equals(f.key())).findFirst().orElseThrow();
    }
}
