package io.tierflow.ui.records;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.record.LiveFields;
import io.tierflow.form.schema.FormService;
import io.tierflow.form.type.CommonOptions;
import io.tierflow.form.type.Linkage;
import io.tierflow.ui.web.Pages;

/**
 * Record forms whose fields depend on each other, kept right while the user types (records/live.html). The
 * server decides everything from the values posted so far; the page script only says when to ask and applies
 * the answer:
 * <ul>
 * <li>{@code POST /forms/{form}/live/visibility[?record=12]}: which fields their {@code visibleWhen} hides now;</li>
 * <li>{@code POST /forms/{form}/live/linkage/{field}[?record=12]}: the field filled by data linkage (its whole
 * input, as the page renders it), or 204 when it stays as it is: the user typed their own value (the page's
 * {@code linked.<field>} marker is cleared when they do), or nothing matches an empty field.</li>
 * </ul>
 * Saving applies the same rules on the server, so a page without its script still saves right.
 */
@Path("/forms")
@Produces(MediaType.TEXT_HTML)
public class RecordLiveFields {

    /** The form parameter that says a field still holds what linkage put there ("1") or the user's own value. */
    static final String LINKED_PREFIX = "linked.";

    /**
     * What a record form needs to be live: the fields hidden now, whether any field has a condition, the
     * linkage fields (with the fields they match on) and the record being edited (null on the create page).
     */
    @TemplateData
    public record Live(Set<String> hidden, boolean conditional, List<Linked> linkages, Long recordId) {

        static final Live NONE = new Live(Set.of(), false, List.of(), null);

        public boolean hides(String key) {
            return hidden.contains(key);
        }

        public boolean active() {
            return conditional || !linkages.isEmpty();
        }

        /** The query string of the live requests: the record whose stored values the typed ones lie over. */
        public String query() {
            return recordId == null ? "" : "?record=" + recordId;
        }
    }

    /**
     * A field filled by linkage: {@code on} the keys of the fields it matches on (space-separated), {@code held}
     * whether it holds what linkage put there.
     */
    @TemplateData
    public record Linked(String key, String on, boolean held) {
    }

    @Inject
    Pages pages;

    @Inject
    FormService forms;

    @Inject
    RecordFields fields;

    @Inject
    RelationTitles relations;

    @Inject
    LiveFields live;

    @Inject
    @Location("records/live-visibility.html")
    Template visibilityState;

    @Inject
    @Location("records/live-field.html")
    Template field;

    /**
     * The live state of a record form for these values ({@code values} as a page posts them; null: the stored
     * record's own, or nothing on the create page).
     */
    public Uni<Live> of(Caller caller, FormDefinition def, Long recordId, ObjectNode values) {
        RoleAccess access = def.permissions().access(caller.role());
        boolean conditional = def.fields().stream().anyMatch(f -> !access.hidden(f.key())
                && f.configText(CommonOptions.VISIBLE_WHEN) != null && !f.configText(CommonOptions.VISIBLE_WHEN).isBlank());
        List<FieldDefinition> linked = def.fields().stream()
                .filter(f -> Linkage.of(f).isPresent() && fields.writable(def, access, f.key())).toList();
        if (!conditional && linked.isEmpty()) {
            return Uni.createFrom().item(Live.NONE);
        }
        Uni<Set<String>> hidden = conditional
                ? live.visibility(caller, def.key(), recordId, values).map(v -> (Set<String>) new LinkedHashSet<>(v.hidden()))
                : Uni.createFrom().item(Set.of());
        Uni<Set<String>> held = recordId == null || linked.isEmpty() ? Uni.createFrom().item(Set.of())
                : live.linked(caller, def.key(), recordId);
        return hidden.chain(h -> held.map(kept -> {
            List<Linked> agents = new ArrayList<>();
            for (FieldDefinition f : linked) {
                agents.add(new Linked(f.key(), String.join(" ", Linkage.of(f).orElseThrow().ours()), kept.contains(f.key())));
            }
            return new Live(h, conditional, List.copyOf(agents), recordId);
        }));
    }

    /** The texts the inputs show, as the form would post them (a multi-select's keys one by one). */
    public ObjectNode values(FormDefinition def, RoleAccess access, Map<String, String> texts) {
        Map<String, List<String>> posted = new java.util.LinkedHashMap<>();
        texts.forEach((key, text) -> def.field(key).ifPresent(f -> posted.put(key,
                FieldWidgets.MULTISELECT.equals(fields.type(f).widget()) ? FieldWidgets.keys(text) : List.of(text))));
        return fields.submitted(def, access, posted).values();
    }

    @POST
    @Path("{form}/live/visibility")
    @WithFormRead
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    public Uni<Response> visibility(@RestPath String form, @RestQuery Long record) {
        Caller caller = pages.caller();
        Map<String, List<String>> posted = RecordFields.posted();
        return forms.get(form).chain(def -> {
            ObjectNode values = fields.submitted(def, def.permissions().access(caller.role()), posted).values();
            return live.visibility(caller, def.key(), record, values).map(v -> Response.ok(pages.page(visibilityState)
                    .data("hidden", String.join(" ", v.hidden()))).build());
        });
    }

    @POST
    @Path("{form}/live/linkage/{field}")
    @WithFormRead
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    public Uni<Response> linkage(@RestPath String form, @RestPath("field") String key, @RestQuery Long record) {
        Caller caller = pages.caller();
        Map<String, List<String>> posted = RecordFields.posted();
        boolean held = "1".equals(formValue(LINKED_PREFIX + key));
        return forms.get(form).chain(def -> {
            RoleAccess access = def.permissions().access(caller.role());
            FieldDefinition f = def.field(key).filter(d -> Linkage.of(d).isPresent() && fields.writable(def, access, d.key()))
                    .orElseThrow(() -> Problem.notFound("form.field.not-found", key));
            RecordFields.Submitted submitted = fields.submitted(def, access, posted);
            String typed = submitted.texts().getOrDefault(key, "");
            if (!typed.isBlank() && !held) {
                // the user's own value: linkage never types over it
                return Uni.createFrom().item(Response.noContent().build());
            }
            return live.linkage(caller, def.key(), key, record, submitted.values()).chain(found -> {
                String text = found.matched() ? FieldWidgets.inputText(fields.type(f), f, found.value()) : "";
                if (text.equals(typed.strip()) && found.matched() == held) {
                    return Uni.createFrom().item(Response.noContent().build());
                }
                ObjectNode values = submitted.values().deepCopy();
                if (text.isEmpty()) {
                    values.putNull(key);
                } else {
                    values.put(key, text);
                }
                return render(caller, def, access, f, text, found.matched(), record, values);
            });
        });
    }

    /** The field's whole input holding {@code text}, with its linkage marker (swapped out of band). */
    private Uni<Response> render(Caller caller, FormDefinition def, RoleAccess access, FieldDefinition f, String text,
            boolean linked, Long record, ObjectNode values) {
        List<FieldInput> one = fields.inputs(def, access, Map.of(f.key(), text), Map.of(), Map.of()).stream()
                .filter(i -> i.key().equals(f.key())).toList();
        return relations.resolve(caller, one).chain(inputs -> of(caller, def, record, values).map(state ->
                Response.ok(pages.page(field).data("inputs", inputs).data("formKey", def.key()).data("creating", record == null)
                        .data("live", state).data("key", f.key()).data("linked", linked)).build()));
    }

    /** A plain form parameter of the current request (already read: {@code @WithFormRead}). */
    private static String formValue(String name) {
        var form = CurrentRequestManager.get().getFormData();
        if (form == null || form.getFirst(name) == null || form.getFirst(name).isFileItem()) {
            return null;
        }
        return form.getFirst(name).getValue();
    }
}
