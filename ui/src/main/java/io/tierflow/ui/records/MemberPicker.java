package io.tierflow.ui.records;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.schema.FormService;
import io.tierflow.form.type.MemberFieldType;
import io.tierflow.ui.web.Pages;

/**
 * The member and team pickers' htmx parts (records/member-picker.html), built like {@link RelationPicker}:
 * <ul>
 * <li>{@code GET /forms/{form}/member/{field}/search?q=}: active users whose name or username contains q (a team
 * field: teams by name), at most {@value #RESULTS};</li>
 * <li>{@code GET /forms/{form}/member/{field}/picker?pick=12}: the picker with that one chosen; without
 * {@code pick}, empty again with its search (the chip's ×).</li>
 * </ul>
 * Only for a member or team field the caller's role may write; anything else is "not found".
 */
@Path("/forms")
@Produces(MediaType.TEXT_HTML)
public class MemberPicker {

    static final int RESULTS = 8;

    @Inject
    Pages pages;

    @Inject
    FormService forms;

    @Inject
    RecordFields fields;

    @Inject
    UserDirectory directory;

    @Inject
    MemberNames names;

    @Inject
    @Location("records/member-picker.html")
    Template picker;

    @Inject
    @Location("records/member-options.html")
    Template options;

    @GET
    @Path("{form}/member/{field}/search")
    public Uni<TemplateInstance> search(@RestPath String form, @RestPath String field, @RestQuery String q) {
        Caller caller = pages.caller();
        String text = q == null || q.isBlank() ? null : q.strip();
        return input(caller, form, field, null).chain(in -> (MemberNames.TEAM.equals(in.widget())
                ? directory.searchTeams(text, RESULTS) : directory.searchUsers(text, RESULTS))
                .map(found -> pages.page(options).data("f", in).data("formKey", form).data("options", found).data("q", text)));
    }

    @GET
    @Path("{form}/member/{field}/picker")
    public Uni<TemplateInstance> picker(@RestPath String form, @RestPath String field, @RestQuery Long pick) {
        Caller caller = pages.caller();
        // the focus stays in the picker: on the chosen one's ×, or back in the search after a removal
        return input(caller, form, field, pick).chain(in -> names.resolve(List.of(in)))
                .map(in -> pages.page(picker).data("f", in.get(0)).data("formKey", form).data("focus", true));
    }

    /** The field's input holding {@code pick}; 404 unless it is a member or team field the caller may write. */
    private Uni<FieldInput> input(Caller caller, String form, String field, Long pick) {
        return forms.get(form).map(def -> {
            RoleAccess access = def.permissions().access(caller.role());
            FieldDefinition f = def.field(field).filter(d -> fields.type(d) instanceof MemberFieldType)
                    .filter(d -> access.may("view") && fields.writable(def, access, d.key()))
                    .orElseThrow(() -> Problem.notFound("form.field.not-found", field));
            String text = pick == null ? "" : Long.toString(pick);
            return fields.inputs(def, access, Map.of(f.key(), text), Map.of(), Map.of()).stream()
                    .filter(i -> i.key().equals(f.key())).findFirst().orElseThrow();
        });
    }
}
