package io.tierflow.ui.designer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.Role;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.FormLayout;
import io.tierflow.form.schema.DraftForms;
import io.tierflow.form.schema.FieldInput;
import io.tierflow.form.schema.FormService;
import io.tierflow.ui.records.RecordFields;
import io.tierflow.ui.web.Pages;

/**
 * The form designer: {@code GET /forms/new/design} for a new form, {@code GET /forms/{form}/design} to change
 * one (builders only). The page carries the field types' descriptions, the other forms (for relations) and,
 * when editing, the form itself as JSON; /js/designer.js keeps the draft in the browser and publishes it through
 * the REST API ({@code POST /api/forms}, or the field changes, then {@code PUT …/layout}).
 * {@code POST /forms/design/preview} renders a draft the way the record page will, with the record page's own
 * templates.
 */
@Path("/forms")
@Produces(MediaType.TEXT_HTML)
public class DesignerPage {

    private static final Logger LOG = Logger.getLogger(DesignerPage.class);

    /** What the preview posts: the draft's fields in layout order and its layout (keys). */
    public record PreviewRequest(String form, List<FieldInput> fields, FormLayout layout) {
    }

    @Inject
    Pages pages;

    @Inject
    FormService forms;

    @Inject
    DesignerCatalog catalog;

    @Inject
    DraftForms drafts;

    @Inject
    io.tierflow.ui.rules.FormulaLinkNames linkNames;

    @Inject
    RecordFields fields;

    @Inject
    ObjectMapper json;

    @Inject
    @Location("designer/designer.html")
    Template template;

    @Inject
    @Location("designer/preview.html")
    Template preview;

    @GET
    @Path("new/design")
    public Uni<TemplateInstance> create() {
        requireBuilder();
        return forms.list().map(all -> view(null, all));
    }

    @GET
    @Path("{form}/design")
    public Uni<TemplateInstance> edit(@RestPath String form) {
        requireBuilder();
        return forms.get(form).chain(def -> forms.list().map(all -> view(def, all)));
    }

    @POST
    @Path("design/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TemplateInstance> preview(PreviewRequest request) {
        requireBuilder();
        List<FieldInput> given = request == null || request.fields() == null ? List.of() : request.fields();
        String ref = request == null || request.form() == null || request.form().isBlank() ? null : request.form();
        Uni<FormDefinition> saved = ref == null ? Uni.createFrom().nullItem()
                : forms.get(ref).onFailure(Problem.class).recoverWithNull();
        return saved.map(def -> {
            FormDefinition draft = drafts.form(def, given, request.layout());
            try {
                var inputs = fields.inputs(draft, Map.of(), Map.of(), Map.of());
                return pages.page(preview).data("inputs", inputs).data("layout", FormLayout.of(draft)).data("creating", true)
                        .data("empty", draft.fields().isEmpty()).data("broken", false);
            } catch (RuntimeException e) {
                // a setting the builder is still typing (an unknown currency, …) may not render yet
                LOG.debugf(e, "preview of a draft failed");
                return pages.page(preview).data("inputs", List.of()).data("layout", null).data("creating", true)
                        .data("empty", false).data("broken", true);
            }
        });
    }

    private TemplateInstance view(FormDefinition form, List<FormDefinition> all) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("form", form == null ? null : formJson(form));
        data.put("types", catalog.types(pages.locale()));
        data.put("forms", all.stream().filter(f -> form == null || f.id() != form.id()).map(DesignerPage::formSummary).toList());
        data.put("self", form == null ? null : formSummary(form));
        data.put("text", DesignerCatalog.scriptTexts(pages.locale()));
        data.put("formulaText", io.tierflow.ui.rules.FormulaEditorTexts.of(pages.locale()));
        data.put("linkNames", form == null ? List.of() : linkNames.of(form, pages.locale()));
        return pages.page(template).data("form", form).data("types", catalog.types(pages.locale()))
                .data("data", script(data));
    }

    private static Map<String, Object> formJson(FormDefinition form) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("key", form.key());
        f.put("name", form.name());
        f.put("fields", form.fields().stream().map(x -> {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("key", x.key());
            field.put("label", x.label());
            field.put("type", x.type());
            field.put("required", x.required());
            field.put("config", x.config());
            return field;
        }).toList());
        f.put("layout", FormLayout.of(form));
        return f;
    }

    /** Another form as relation settings need it: its fields, and for relations the form they point to. */
    private static Map<String, Object> formSummary(FormDefinition form) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("key", form.key());
        f.put("name", form.name());
        f.put("fields", form.fields().stream().map(x -> {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("key", x.key());
            field.put("label", x.label());
            field.put("type", x.type());
            field.put("form", x.configText("form"));
            return field;
        }).toList());
        return f;
    }

    /**
     * JSON for a {@code <script type="application/json">} element: labels are user text, so {@code <}, {@code >}
     * and {@code &} become JSON escapes and no value can close the element.
     */
    private RawString script(Object data) {
        try {
            return new RawString(json.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("designer data is not serialisable", e);
        }
    }

    private void requireBuilder() {
        Caller caller = pages.caller();
        if (caller == null || caller.role() == Role.SALES) {
            throw Problem.forbidden("form.builder-only");
        }
    }

}
