package io.tierflow.ui.records;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.WithFormRead;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.flow.history.ProcessQueries;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RecordView;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.record.RecordHistory;
import io.tierflow.form.record.RecordService;
import io.tierflow.form.record.TierExplanation;
import io.tierflow.form.schema.FormService;
import io.tierflow.ui.web.Flash;
import io.tierflow.ui.web.Pages;
import io.tierflow.ui.web.Redirects;
import io.tierflow.ui.web.Times;

/**
 * {@code GET/POST /forms/{form}/records/{id}}: one record with its tier and why it has it, an edit form that
 * sends back the version it was read at, its approval history and the timeline of its changes. A stale save
 * shows the current values with what the user had typed listed above them (409); invalid input is shown as
 * on the create page (400). A record the caller may not see is "not found", like in the API.
 */
@Path("/forms")
@Produces(MediaType.TEXT_HTML)
public class RecordDetailPage {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RecordDetailPage.class);

    /** The record's heading and facts beside the form. */
    @TemplateData
    public record Summary(long id, String title, TierBadge tier, long version, String owner, String created,
            String createdBy, String updated, String updatedBy, String stage, List<String> tags, String pinnedUntil) {
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
    ProcessQueries processes;

    @Inject
    RecordHistory history;

    @Inject
    TierExplanation explanations;

    @Inject
    UserDirectory users;

    @Inject
    RelationTitles relations;

    @Inject
    RecordSections sections;

    @Inject
    RecordLiveFields live;

    @Inject
    @Location("records/record.html")
    Template template;

    @GET
    @Path("{form}/records/{id}")
    public Uni<Response> show(@RestPath String form, @RestPath long id) {
        Caller caller = pages.caller();
        return forms.get(form).chain(def -> records.get(caller, def.key(), id).chain(rec ->
                page(def, rec, fields.texts(def, access(def, caller), rec.values()), rec.version(), FormErrors.NONE, List.of(), 200)));
    }

    @POST
    @Path("{form}/records/{id}")
    @WithFormRead
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    public Uni<Response> update(@RestPath String form, @RestPath long id, @RestForm Long version) {
        Caller caller = pages.caller();
        Map<String, List<String>> posted = RecordFields.posted();
        return forms.get(form).chain(def -> {
            RoleAccess access = access(def, caller);
            RecordFields.Submitted submitted = fields.submitted(def, access, posted);
            // deferred: update() refuses a missing version by throwing, before it returns a Uni
            return Uni.createFrom().deferred(() -> records.update(caller, def.key(), id, version, submitted.values()))
                    .map(saved -> Redirects.seeOther("/forms/" + def.key() + "/records/" + id)
                            .cookie(Flash.success("ui.records.saved")).build())
                    .onFailure(FormErrors::handles).recoverWithUni(e -> records.get(caller, def.key(), id).chain(current -> {
                        Problem p = (Problem) e;
                        FormErrors errors = FormErrors.of(p, pages, key -> fields.writable(def, access, key));
                        Map<String, String> stored = fields.texts(def, access, current.values());
                        if (p.status() == 409) {
                            // someone saved in between: show what is there now, and what this user typed
                            return page(def, current, stored, current.version(), errors,
                                    fields.unsaved(def, access, submitted.texts(), stored, pages.text("ui.records.conflict.cleared")), 409);
                        }
                        Map<String, String> texts = new HashMap<>(stored);
                        texts.putAll(submitted.texts());
                        return page(def, current, texts, version, errors, List.of(), p.status());
                    }));
        });
    }

    /**
     * @param texts   what the inputs show
     * @param version the version the form sends back: the one the user's values are based on
     */
    private Uni<Response> page(FormDefinition def, RecordView rec, Map<String, String> texts, Long version,
            FormErrors errors, List<RecordFields.Unsaved> unsaved, int status) {
        Locale locale = pages.locale();
        Caller caller = pages.caller();
        String noTier = pages.text("ui.records.tier.none");
        RoleAccess access = access(def, caller);
        TemplateInstance view = pages.page(template).data("formKey", def.key()).data("formName", def.name())
                .data("creating", false).data("version", version)
                .data("formError", errors.form()).data("conflict", status == 409).data("unsaved", unsaved)
                .data("mayDelete", access.may("delete")).data("hasTriggers", !def.triggers().isEmpty())
                .data("layout", io.tierflow.form.model.FormLayout.of(def));
        Uni<Void> inputs = relations.resolve(caller, fields.inputs(def, access, texts, rec.values(), errors.fields()))
                .invoke(in -> view.data("inputs", in)).replaceWithVoid()
                .chain(() -> live.of(caller, def, rec.id(), live.values(def, access, texts)).invoke(l -> view.data("live", l)))
                .replaceWithVoid();
        Uni<Void> related = sections.related(caller, def, rec.id(), noTier).invoke(r -> view.data("related", r)).replaceWithVoid();
        Uni<Void> rules = sections.ruleLog(caller, def, rec.id(), locale).invoke(r -> view.data("ruleLog", r)).replaceWithVoid();
        // the card still shows the history when the model cannot be evaluated now (logged: a bug, not the user's)
        Uni<TierExplanation.Explanation> now = explanations.of(caller, def.key(), rec.id())
                .onFailure(e -> !(e instanceof Problem)).recoverWithItem(e -> {
                    LOG.warnf(e, "tier explanation of %s/%d failed", def.key(), rec.id());
                    return null;
                });
        // Flowable's history is blocking JDBC: off the event loop, and only after the visibility check above;
        // so it comes last, after the reactive reads that need the event loop
        Uni<List<ApprovalHistory.Process>> approvals = Uni.createFrom().item(() -> processes.processesOf(def.id(), rec.id()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(list -> ApprovalHistory.of(list, locale, tier -> TierBadge.of(def, tier, tier)));
        return inputs.chain(() -> related).chain(() -> rules)
                .chain(() -> names(rec)).chain(names -> history.of(caller, def.key(), rec.id()).chain(h -> now.chain(why -> approvals.map(a -> {
            view.data("record", summary(def, rec, names)).data("processes", a)
                    .data("timeline", RecordTimeline.of(def, h.changes(), fields, locale, noTier))
                    .data("why", TierReason.of(def, why, h.tiers(), rec.tier(), fields, locale, noTier));
            return Response.status(status).entity(view).build();
        }))));
    }

    private static RoleAccess access(FormDefinition def, Caller caller) {
        return def.permissions().access(caller.role());
    }

    private Summary summary(FormDefinition def, RecordView rec, Map<Long, String> names) {
        String title = def.titleField().map(f -> fields.display(f, rec.values().get(f.key()))).orElse(null);
        String pinned = rec.tierOverride() == null || rec.tierOverride().tier() == null ? null
                : rec.tierOverride().until() == null ? "" : Times.format(rec.tierOverride().until()).substring(0, 10);
        return new Summary(rec.id(), title == null ? "#" + rec.id() : title,
                TierBadge.of(def, rec.tier(), pages.text("ui.records.tier.none")), rec.version(), names.get(rec.ownerId()),
                Times.format(rec.createdAt()), names.get(rec.createdBy()), Times.format(rec.updatedAt()), names.get(rec.updatedBy()),
                rec.stage(), rec.tags() == null ? List.of() : rec.tags(), pinned);
    }

    /** Display names of the owner and the people who created and last changed the record. */
    private Uni<Map<Long, String>> names(RecordView rec) {
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(rec.ownerId());
        if (rec.createdBy() != null) {
            ids.add(rec.createdBy());
        }
        if (rec.updatedBy() != null) {
            ids.add(rec.updatedBy());
        }
        List<Uni<Caller>> lookups = new ArrayList<>();
        for (Long id : ids) {
            lookups.add(users.findById(id).map(found -> found.orElse(null)));
        }
        return Uni.join().all(lookups).andFailFast().map(found -> {
            Map<Long, String> names = new HashMap<>();
            found.stream().filter(c -> c != null).forEach(c -> names.put(c.id(), c.displayName()));
            return names;
        });
    }
}
