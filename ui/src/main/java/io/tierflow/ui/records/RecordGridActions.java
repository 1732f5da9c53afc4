package io.tierflow.ui.records;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.WithFormRead;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.record.FormAccess;
import io.tierflow.form.record.RecordService;
import io.tierflow.form.schema.FormService;
import io.tierflow.form.type.FieldType;
import io.tierflow.ui.web.Flash;
import io.tierflow.ui.web.Pages;
import io.tierflow.ui.web.PostedForm;
import io.tierflow.ui.web.Redirects;

/**
 * The parts of the record grid that change something or come and go (htmx), next to {@link RecordListPage}:
 * <ul>
 * <li>{@code GET /forms/{form}/filter-row}: a condition row of the filter bar, new or refitted to its field;</li>
 * <li>{@code POST /forms/{form}/columns}: the columns the user shows (in the view being shown, else their own);</li>
 * <li>{@code POST /forms/{form}/views} and {@code …/views/{id}/delete}: save the grid as a named view, or delete one;</li>
 * <li>{@code GET|PATCH /forms/{form}/records/{id}/cells/{field}}: edit one cell in place, with the row's version
 * (a stale one shows the conflict); {@code …/cells/{field}/view} puts the cell back;</li>
 * <li>{@code POST /forms/{form}/records/{id}/delete} and {@code …/restore}: to the trash and back;
 * {@code GET /forms/{form}/trash}: what is in it.</li>
 * </ul>
 */
@Path("/forms")
@Produces(MediaType.TEXT_HTML)
public class RecordGridActions {

    /** A cell's in-place editor (records/cell-editor.html). */
    @TemplateData
    public record Editor(String cellId, String label, String widget, String value, long version, List<FieldInput.Choice> choices,
            boolean decimal, String saveUrl, String cancelUrl, String error, String current) {
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
    RecordListPage list;

    @Inject
    @Location("records/filter-row.html")
    Template filterRow;

    @Inject
    @Location("records/results.html")
    Template results;

    @Inject
    @Location("records/rows.html")
    Template rows;

    @Inject
    @Location("records/cell.html")
    Template cell;

    @Inject
    @Location("records/cell-editor.html")
    Template editor;

    @Inject
    @Location("records/trash.html")
    Template trash;

    // ---- filter bar ----

    /** A row of the filter bar: {@code i} refits the posted row (reset: a new field, so no value yet); without it, a new row. */
    @GET
    @Path("{form}/filter-row")
    public Uni<TemplateInstance> filterRow(@RestPath String form, @RestQuery Integer i, @RestQuery String reset,
            @Context UriInfo uri) {
        Caller caller = pages.caller();
        Map<String, List<String>> params = uri.getQueryParameters();
        return forms.get(form).map(def -> {
            RoleAccess access = FormAccess.require(caller, def, "view");
            int index;
            GridQuery.Condition c;
            if (i == null) {
                index = 0;
                while (index < GridQuery.MAX_CONDITIONS * 3 && params.containsKey("c" + index + ".field")) {
                    index++;
                }
                for (String name : params.keySet()) {
                    if (name.matches("c\\d{1,2}\\.field")) {
                        index = Math.max(index, Integer.parseInt(name.substring(1, name.indexOf('.'))) + 1);
                    }
                }
                c = new GridQuery.Condition(null, null, List.of());
            } else {
                index = Math.max(0, Math.min(i, GridQuery.MAX_CONDITIONS * 3 - 1));
                List<String> values = reset != null ? List.of() : params.getOrDefault("c" + index + ".value", List.of());
                c = new GridQuery.Condition(first(params, "c" + index + ".field"), first(params, "c" + index + ".op"), values);
            }
            return pages.page(filterRow).data("formKey", def.key())
                    .data("r", FilterBar.row(def, access, fields, index, c, null, pages::text));
        });
    }

    // ---- columns and views ----

    @POST
    @Path("{form}/columns")
    @WithFormRead
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    public Uni<Response> columns(@RestPath String form) {
        Caller caller = pages.caller();
        Map<String, List<String>> posted = PostedForm.all();
        GridQuery query = GridQuery.from(posted);
        return forms.get(form).chain(def -> {
            RoleAccess access = FormAccess.require(caller, def, "view");
            List<String> chosen = chosen(def, access, posted.getOrDefault("col", List.of()));
            Uni<Void> save = query.view != null ? store.saveViewColumns(caller.id(), def.id(), query.view, chosen)
                    : store.saveColumns(caller.id(), def.id(), chosen);
            return save.chain(() -> list.grid(caller, def, query.firstPage()))
                    .map(grid -> Response.ok(grid.view(pages.page(results), false)).build());
        });
    }

    /**
     * The chosen keys the caller may see, in the form's order; at least one (the first visible field); then the
     * stage and tags columns if chosen.
     */
    private static List<String> chosen(FormDefinition def, RoleAccess access, List<String> keys) {
        List<String> chosen = RecordFields.visible(def, access).stream().map(FieldDefinition::key).filter(keys::contains).toList();
        if (chosen.isEmpty() && !RecordFields.visible(def, access).isEmpty()) {
            chosen = List.of(RecordFields.visible(def, access).get(0).key());
        }
        List<String> extras = RecordTable.extrasOffered(def).stream().filter(keys::contains).toList();
        if (!extras.isEmpty()) {
            chosen = new java.util.ArrayList<>(chosen);
            chosen.addAll(extras);
        }
        return chosen;
    }

    @POST
    @Path("{form}/views")
    @WithFormRead
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    public Uni<Response> saveView(@RestPath String form, @RestHeader("HX-Request") String htmx) {
        Caller caller = pages.caller();
        Map<String, List<String>> posted = PostedForm.all();
        GridQuery query = GridQuery.from(posted);
        String name = GridQuery.blankToNull(first(posted, "viewName"));
        return forms.get(form).chain(def -> {
            RoleAccess access = FormAccess.require(caller, def, "view");
            if (name == null || name.length() > 60) {
                return Uni.createFrom().item(message(400, name == null ? "ui.grid.view.name.required" : "ui.grid.view.name.long"));
            }
            List<String> cols = posted.containsKey("col") ? chosen(def, access, posted.get("col")) : null;
            GridStore.SavedView view = new GridStore.SavedView(0, name, cols, query.filter(), query.sort, query.q, query.tier);
            return store.saveView(caller.id(), def.id(), view).map(id -> {
                if (id == null) {
                    return message(409, "ui.grid.view.too-many", GridStore.MAX_VIEWS);
                }
                return redirect(htmx, "/forms/" + def.key() + "?view=" + id, "ui.grid.view.saved");
            });
        });
    }

    @POST
    @Path("{form}/views/{id}/delete")
    public Uni<Response> deleteView(@RestPath String form, @RestPath long id, @RestHeader("HX-Request") String htmx) {
        Caller caller = pages.caller();
        return forms.get(form).chain(def -> store.deleteView(caller.id(), def.id(), id)
                .map(deleted -> redirect(htmx, "/forms/" + def.key(), deleted ? "ui.grid.view.deleted" : null)));
    }

    // ---- cells ----

    @GET
    @Path("{form}/records/{id}/cells/{field}")
    public Uni<TemplateInstance> editCell(@RestPath String form, @RestPath long id, @RestPath String field,
            @RestQuery Long version) {
        Caller caller = pages.caller();
        return forms.get(form).chain(def -> {
            FieldDefinition f = inline(def, caller, field);
            return records.get(caller, def.key(), id).map(rec -> {
                RoleAccess access = def.permissions().access(caller.role());
                String text = fields.texts(def, access, rec.values()).getOrDefault(f.key(), "");
                return pages.page(editor).data("e", editor(def, f, id, version == null ? rec.version() : version, text, null, null));
            });
        });
    }

    @GET
    @Path("{form}/records/{id}/cells/{field}/view")
    public Uni<TemplateInstance> showCell(@RestPath String form, @RestPath long id, @RestPath String field) {
        Caller caller = pages.caller();
        return forms.get(form).chain(def -> {
            RoleAccess access = FormAccess.require(caller, def, "view");
            FieldDefinition f = def.field(field).filter(d -> !access.hidden(d.key()))
                    .orElseThrow(() -> Problem.notFound("form.field.not-found", field));
            return records.get(caller, def.key(), id).chain(rec -> titles.forRows(caller, def, List.of(f), List.of(rec))
                    .map(links -> {
                        RecordTable.Row row = RecordTable.row(setup(def, access, List.of(f), links), rec);
                        return pages.page(cell).data("row", row).data("cell", row.cells().get(0));
                    }));
        });
    }

    @PATCH
    @Path("{form}/records/{id}/cells/{field}")
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    public Uni<Response> saveCell(@RestPath String form, @RestPath long id, @RestPath String field, @RestForm Long version,
            @RestForm String value, @RestForm Long view) {
        Caller caller = pages.caller();
        return forms.get(form).chain(def -> {
            FieldDefinition f = inline(def, caller, field);
            RoleAccess access = def.permissions().access(caller.role());
            ObjectNode values = JsonNodeFactory.instance.objectNode();
            if (value == null || value.isBlank()) {
                values.putNull(f.key());
            } else {
                values.put(f.key(), value.strip());
            }
            return Uni.createFrom().deferred(() -> records.update(caller, def.key(), id, version, values))
                    .chain(saved -> shownKeys(caller, def, view).chain(keys -> {
                        List<FieldDefinition> columns = RecordListPage.columns(def, access, keys);
                        return titles.forRows(caller, def, columns, List.of(saved)).map(links -> {
                            RecordTable table = RecordTable.single(new RecordTable.Setup(def, access, fields, columns, links,
                                    GridQuery.from(Map.of()), list.labels(), false, RecordTable.extras(def, keys)), saved);
                            return Response.ok(pages.page(rows).data("table", table).data("formKey", def.key())).build();
                        });
                    }))
                    .onFailure(FormErrors::handles).recoverWithUni(e -> {
                        Problem p = (Problem) e;
                        String error = p.fields().isEmpty() ? pages.text(p.code(), p.args())
                                : pages.text(p.fields().get(0).code(), p.fields().get(0).args());
                        if (p.status() != 409) {
                            return Uni.createFrom().item(retarget(pages.page(editor)
                                    .data("e", editor(def, f, id, version == null ? 0 : version, value, error, null)), 400));
                        }
                        // someone saved in between: keep what this user typed, say what is there now, and offer
                        // to save over it from the current version
                        return records.get(caller, def.key(), id).map(current -> {
                            String now = fields.display(f, current.values().get(f.key()));
                            String stale = pages.text("ui.grid.edit.stale", version, current.version());
                            return retarget(pages.page(editor).data("e", editor(def, f, id, current.version(), value, stale,
                                    now == null || now.isBlank() ? pages.text("ui.records.empty-value") : now)), 409);
                        });
                    });
        });
    }

    /** The field, if the caller may edit it in place: a simple widget, a field they may write, a form they may edit. */
    private FieldDefinition inline(FormDefinition def, Caller caller, String field) {
        RoleAccess access = FormAccess.require(caller, def, "edit");
        return def.field(field)
                .filter(f -> RecordTable.INLINE.contains(fields.type(f).widget()) && fields.writable(def, access, f.key()))
                .orElseThrow(() -> Problem.notFound("form.field.not-found", field));
    }

    private Editor editor(FormDefinition def, FieldDefinition f, long id, long version, String text, String error, String current) {
        FieldType type = fields.type(f);
        String widget = type.widget();
        String base = "/forms/" + def.key() + "/records/" + id + "/cells/" + f.key();
        String value = text == null ? "" : text;
        return new Editor("cell-" + id + "-" + f.key(), f.label(), widget, value, version, FieldWidgets.choices(type, f, widget, value),
                widget.equals("number") || widget.equals("money") || widget.equals("percent"), base, base + "/view", error, current);
    }

    /** An error answer swapped into the editor's cell instead of the row the editor targets. */
    private static Response retarget(TemplateInstance view, int status) {
        return Response.status(status).entity(view).header("HX-Retarget", "closest td").header("HX-Reswap", "outerHTML").build();
    }

    /** The column keys the grid shows the caller: the view's ({@code view}, if theirs), else their own choice (null: the default). */
    private Uni<List<String>> shownKeys(Caller caller, FormDefinition def, Long view) {
        return view == null ? store.columns(caller.id(), def.id())
                : store.view(caller.id(), def.id(), view).chain(v -> v != null && v.columns() != null ? Uni.createFrom().item(v.columns())
                        : store.columns(caller.id(), def.id()));
    }

    private RecordTable.Setup setup(FormDefinition def, RoleAccess access, List<FieldDefinition> columns,
            Map<String, Map<Long, RelationTitles.Linked>> links) {
        return new RecordTable.Setup(def, access, fields, columns, links, GridQuery.from(Map.of()), list.labels(), false);
    }

    // ---- trash ----

    @POST
    @Path("{form}/records/{id}/delete")
    public Uni<Response> delete(@RestPath String form, @RestPath long id, @RestHeader("HX-Request") String htmx) {
        Caller caller = pages.caller();
        return forms.get(form).chain(def -> records.delete(caller, def.key(), id).map(x -> {
            if (htmx == null) {
                return Redirects.seeOther("/forms/" + def.key()).cookie(Flash.success("ui.grid.deleted")).build();
            }
            return Response.ok(toast(pages.text("ui.grid.deleted"), "/forms/" + def.key() + "/trash", pages.text("ui.grid.trash.open")))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }));
    }

    @POST
    @Path("{form}/records/{id}/restore")
    public Uni<Response> restore(@RestPath String form, @RestPath long id, @RestHeader("HX-Request") String htmx) {
        Caller caller = pages.caller();
        return forms.get(form).chain(def -> records.restore(caller, def.key(), id).map(restored -> {
            String href = "/forms/" + def.key() + "/records/" + id;
            if (htmx == null) {
                return Redirects.seeOther("/forms/" + def.key() + "/trash").cookie(Flash.success("ui.grid.restored")).build();
            }
            return Response.ok(toast(pages.text("ui.grid.restored"), href, pages.text("ui.grid.restored.open")))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }));
    }

    @GET
    @Path("{form}/trash")
    public Uni<Response> trash(@RestPath String form, @RestQuery Long after, @RestHeader("HX-Request") String htmx) {
        Caller caller = pages.caller();
        return forms.get(form).chain(def -> {
            RoleAccess access = FormAccess.require(caller, def, "view");
            List<FieldDefinition> columns = RecordFields.visible(def, access);
            return records.list(caller, def.key(), new RecordService.ListQuery(50, after, null, null, true, null, null, null, null))
                    .chain(page -> titles.forRows(caller, def, columns, page.items()).map(links -> {
                        RecordTable.Setup setup = new RecordTable.Setup(def, access, fields, columns, links, GridQuery.from(Map.of()),
                                new RecordTable.Labels(pages.text("ui.records.tier"), pages.text("ui.grid.trash.deleted"),
                                        pages.text("ui.records.tier.none")), true);
                        RecordTable table = RecordTable.of(setup, page);
                        TemplateInstance view = pages.page(htmx != null && after != null ? rows : trash).data("table", table)
                                .data("formKey", def.key()).data("formName", def.name()).data("query", GridQuery.from(Map.of()))
                                .data("filtered", false).data("errors", List.of()).data("export", null)
                                .data("mayDelete", access.may("delete"));
                        return Response.ok(view).header("Vary", "HX-Request").build();
                    }));
        });
    }

    // ---- helpers ----

    /** A toast for the grid (out of band: the request's own target gets the empty answer, which removes the row). */
    private static String toast(String text, String href, String link) {
        return "<div id=\"grid-toast\" class=\"toast-area\" aria-live=\"polite\" hx-swap-oob=\"true\"><div class=\"toast\" role=\"status\">"
                + escape(text) + (href == null ? "" : " <a href=\"" + escape(href) + "\">" + escape(link) + "</a>") + "</div></div>";
    }

    private Response message(int status, String code, Object... args) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity("<p class=\"field-error\" role=\"alert\">" + escape(pages.text(code, args)) + "</p>").build();
    }

    /** htmx follows HX-Redirect with a full page load; a plain form post gets a 303. */
    private static Response redirect(String htmx, String to, String flash) {
        if (htmx != null) {
            Response.ResponseBuilder r = Response.ok("").header("HX-Redirect", to);
            return (flash == null ? r : r.cookie(Flash.success(flash))).build();
        }
        Response.ResponseBuilder r = Redirects.seeOther(to);
        return (flash == null ? r : r.cookie(Flash.success(flash))).build();
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
