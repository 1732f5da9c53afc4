package io.tierflow.ui.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RecordPage;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.record.FormAccess;
import io.tierflow.form.record.RecordService;
import io.tierflow.form.schema.FormService;
import io.tierflow.ui.web.Pages;

/**
 * {@code GET /forms/{form}}: the form's record grid. Search, tier and a filter bar (conditions ANDed, built
 * from each field's operators), sort by a header, the columns the user picked, saved views, cells edited in
 * place, export of what is shown, and the trash ({@link RecordGridActions} has the parts that change things).
 * htmx asks for parts of it: the filters and headers swap in just the results, "more" appends the next keyset
 * page's rows. A history restore (back button after htmx pushed the URL) gets the whole page.
 */
@Path("/forms")
@Produces(MediaType.TEXT_HTML)
@jakarta.inject.Singleton // no client proxy: RecordGridActions calls its package-private grid()
public class RecordListPage {

    private static final Pattern CONDITION = Pattern.compile("^filter\\.and\\[(\\d+)]");

    /** The grid's export, as links to the export API with the grid's filter, sort and columns. */
    @TemplateData
    public record Export(String xlsx, String csv) {
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
    GridStore store;

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
    public Uni<Response> list(@RestPath String form, @Context UriInfo uri, @RestHeader("HX-Request") String htmx,
            @RestHeader("HX-History-Restore-Request") String restore) {
        GridQuery query = GridQuery.from(uri.getQueryParameters());
        boolean partial = htmx != null && restore == null;
        Caller caller = pages.caller();
        return forms.get(form).chain(def -> {
            FormAccess.require(caller, def, "view");
            return grid(caller, def, query).map(grid -> {
                Template template = !partial ? page : query.after != null || query.cursor != null ? rows : results;
                return Response.ok(grid.view(pages.page(template), !partial)).header("Vary", "HX-Request").build();
            });
        });
    }

    /** Everything the grid shows for {@code query}; the saved view it names, if the user has it, sets what the query leaves open. */
    Uni<Grid> grid(Caller caller, FormDefinition def, GridQuery requested) {
        RoleAccess access = def.permissions().access(caller.role());
        return store.views(caller.id(), def.id()).chain(views -> {
            GridStore.SavedView view = requested.view == null ? null
                    : views.stream().filter(v -> v.id() == requested.view).findFirst().orElse(null);
            GridQuery query = view == null ? requested.view == null ? requested : dropView(requested)
                    : requested.applied ? requested : requested.fromView(view);
            Uni<List<String>> chosen = view != null && view.columns() != null ? Uni.createFrom().item(view.columns())
                    : store.columns(caller.id(), def.id());
            return chosen.chain(keys -> {
                List<FieldDefinition> columns = columns(def, access, keys);
                java.util.Set<String> extras = RecordTable.extras(def, keys);
                return list(caller, def, query, columns).chain(found -> titles.forRows(caller, def, columns, found.page().items())
                        .map(links -> {
                            RecordTable.Setup setup = new RecordTable.Setup(def, access, fields, columns, links, query, labels(), false,
                                    extras);
                            return new Grid(def, access, query, views, view, columns, extras, RecordTable.of(setup, found.page()),
                                    found.errors(), found.general());
                        }));
            });
        });
    }

    private static GridQuery dropView(GridQuery q) {
        return new GridQuery(q.q, q.tier, q.conditions, q.advanced, q.sort, q.cursor, q.after, q.limit, null, q.applied);
    }

    RecordTable.Labels labels() {
        return new RecordTable.Labels(pages.text("ui.records.tier"), pages.text("ui.records.updated"), pages.text("ui.records.tier.none"),
                pages.text("ui.records.stage"), pages.text("ui.records.tags"));
    }

    /** One page, or none with the reasons when the service refuses the filter or sort (a value that is not a number…). */
    private record Found(RecordPage page, List<String> errors, List<String> general) {
    }

    private Uni<Found> list(Caller caller, FormDefinition def, GridQuery q, List<FieldDefinition> columns) {
        RecordService.ListQuery list = new RecordService.ListQuery(q.limit, q.sort == null ? q.after : null, q.tier, q.q, false,
                q.filter(), q.sort, q.cursor, columns.stream().map(FieldDefinition::key).toList());
        return Uni.createFrom().deferred(() -> records.list(caller, def.key(), list))
                .map(page -> new Found(page, List.of(), List.of()))
                .onFailure(e -> e instanceof Problem p && p.status() == 400).recoverWithItem(e -> {
                    Problem p = (Problem) e;
                    List<String> byCondition = new ArrayList<>();
                    List<String> general = new ArrayList<>();
                    int conditions = q.applicable().size();
                    for (FieldProblem f : p.fields()) {
                        String text = pages.text(f.code(), f.args());
                        Matcher m = CONDITION.matcher(f.field() == null ? "" : f.field());
                        int index = m.find() ? Integer.parseInt(m.group(1)) : -1;
                        if (index >= 0 && index < conditions) {
                            while (byCondition.size() <= index) {
                                byCondition.add(null);
                            }
                            byCondition.set(index, text);
                            general.add(pages.text("ui.grid.filter.error", index + 1, text));
                        } else {
                            general.add(text);
                        }
                    }
                    if (p.fields().isEmpty()) {
                        general.add(pages.text(p.code(), p.args()));
                    }
                    return new Found(new RecordPage(List.of(), null, null), byCondition, general);
                });
    }

    /** The fields to show: the chosen ones the caller may still see, in the form's order; all visible ones by default. */
    static List<FieldDefinition> columns(FormDefinition def, RoleAccess access, List<String> chosen) {
        List<FieldDefinition> visible = RecordFields.visible(def, access);
        if (chosen == null) {
            return visible;
        }
        List<FieldDefinition> shown = visible.stream().filter(f -> chosen.contains(f.key())).toList();
        return shown.isEmpty() ? visible : shown;
    }

    /** The grid for one request. */
    final class Grid {

        final FormDefinition def;
        final RoleAccess access;
        final GridQuery query;
        final List<GridStore.SavedView> views;
        final GridStore.SavedView view;
        final List<FieldDefinition> columns;
        final java.util.Set<String> extras;
        final RecordTable table;
        final List<String> errors;
        final List<String> general;

        Grid(FormDefinition def, RoleAccess access, GridQuery query, List<GridStore.SavedView> views, GridStore.SavedView view,
                List<FieldDefinition> columns, java.util.Set<String> extras, RecordTable table, List<String> errors, List<String> general) {
            this.def = def;
            this.access = access;
            this.query = query;
            this.views = views;
            this.view = view;
            this.columns = columns;
            this.extras = extras;
            this.table = table;
            this.errors = errors;
            this.general = general;
        }

        /** The template's data: the results always, the controls around them for the whole page. */
        TemplateInstance view(TemplateInstance t, boolean whole) {
            String base = "/forms/" + def.key();
            t.data("table", table).data("formKey", def.key()).data("query", query).data("filtered", query.filtered())
                    .data("errors", general).data("export", access.may("export") ? export() : null)
                    .data("sortUrl", base).data("base", base);
            if (whole) {
                List<FilterBar.Option> picker = new ArrayList<>(RecordFields.visible(def, access).stream()
                        .map(f -> new FilterBar.Option(f.key(), f.label(), columns.contains(f))).toList());
                // the stage and tags the tier model sets: shown, never edited here
                for (String extra : RecordTable.extrasOffered(def)) {
                    picker.add(new FilterBar.Option(extra, pages.text(RecordTable.STAGE.equals(extra) ? "ui.records.stage" : "ui.records.tags"),
                            extras.contains(extra)));
                }
                t.data("formName", def.name()).data("tiers", TierBadge.tiers(def))
                        .data("searchLabel", def.titleField().filter(f -> !access.hidden(f.key())).map(FieldDefinition::label).orElse(null))
                        .data("bar", FilterBar.of(def, access, fields, query.conditions, errors, pages::text))
                        .data("views", views).data("activeView", view).data("columnPicker", picker)
                        .data("mayCreate", access.may("create")).data("mayImport", access.may("import"))
                        .data("mayDelete", access.may("delete"));
            }
            return t;
        }

        Export export() {
            Map<String, List<String>> p = new java.util.LinkedHashMap<>();
            String filter = query.filter() == null ? null : query.filter().toString();
            add(p, "filter", filter);
            add(p, "sort", query.sort);
            add(p, "q", query.q);
            add(p, "tier", query.tier);
            add(p, "fields", String.join(",", columns.stream().map(FieldDefinition::key).toList()));
            String api = "/api/forms/" + def.key() + "/export";
            Map<String, List<String>> xlsx = new java.util.LinkedHashMap<>(Map.of("format", List.of("xlsx")));
            xlsx.putAll(p);
            Map<String, List<String>> csv = new java.util.LinkedHashMap<>(Map.of("format", List.of("csv")));
            csv.putAll(p);
            return new Export(api + GridQuery.encode(xlsx), api + GridQuery.encode(csv));
        }

        private static void add(Map<String, List<String>> p, String name, String value) {
            if (value != null && !value.isBlank()) {
                p.put(name, List.of(value));
            }
        }
    }
}
