package io.tierflow.ui.rules;

import java.time.Duration;
import java.util.ArrayList;
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
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.WithFormRead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.ApprovalBinding;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.ruleset.RetierJob;
import io.tierflow.form.ruleset.RuleSet;
import io.tierflow.form.ruleset.RuleSetInput;
import io.tierflow.form.ruleset.RuleSetService;
import io.tierflow.form.ruleset.Simulation;
import io.tierflow.form.schema.FormService;
import io.tierflow.rule.tier.TierModel;
import io.tierflow.ui.web.Flash;
import io.tierflow.ui.web.Pages;
import io.tierflow.ui.web.PostedForm;
import io.tierflow.ui.web.Redirects;
import io.tierflow.ui.web.TierColours;

/**
 * The tier model pages of a form (builders only; the rule-set service decides: a form the role may not view is
 * 404, sales get 403):
 * <ul>
 * <li>{@code GET /forms/{form}/rules}: the versions (status, note, who and when), the re-tier jobs, "new draft";</li>
 * <li>{@code POST /forms/{form}/rules/drafts}: a new draft, a copy of version {@code from} (default: the live one);</li>
 * <li>{@code GET /forms/{form}/rules/{version}}: a draft in the editor (scores, rules, stages, tags, approval), any
 * other version read-only; {@code ?simulate=1} loads its simulation at once;</li>
 * <li>{@code POST /forms/{form}/rules/{version}}: saves the draft, then ({@code then}) simulates or publishes it;
 * problems re-render the editor with each message next to the input it names (400);</li>
 * <li>{@code GET …/{version}/simulation}: the simulation fragment (htmx); {@code POST …/{version}/rollback};
 * {@code GET /forms/{form}/rules/jobs/{id}}: a re-tier job's progress, polled by htmx while it runs.</li>
 * </ul>
 */
@Path("/forms")
@Produces(MediaType.TEXT_HTML)
public class RulesPage {

    static final Duration WAIT = Duration.ofSeconds(2);
    static final int SAMPLES = 8;

    @Inject
    Pages pages;

    @Inject
    FormService forms;

    @Inject
    RuleSetService rules;

    @Inject
    RuleViews views;

    @Inject
    ObjectMapper json;

    @Inject
    @Location("rules/versions.html")
    Template versions;

    @Inject
    @Location("rules/editor.html")
    Template editor;

    @Inject
    @Location("rules/simulation.html")
    Template simulation;

    @Inject
    @Location("rules/job.html")
    Template job;

    @GET
    @Path("{form}/rules")
    public Uni<TemplateInstance> list(@RestPath String form) {
        Caller caller = pages.caller();
        return forms.get(form).chain(def -> rules.list(caller, def.key())
                .chain(all -> rules.jobs(caller, def.key()).chain(jobs -> views.versions(def, all).map(rows -> pages.page(versions)
                        .data("formKey", def.key()).data("formName", def.name()).data("versions", rows)
                        .data("draft", all.stream().filter(r -> RuleSet.DRAFT.equals(r.status())).findFirst().orElse(null))
                        .data("live", def.ruleVersion())
                        .data("jobs", jobs.stream().limit(5).map(j -> views.job(def.key(), j)).toList())))));
    }

    @POST
    @Path("{form}/rules/drafts")
    @WithFormRead
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createDraft(@RestPath String form, @RestForm Integer from) {
        Caller caller = pages.caller();
        return forms.get(form).chain(def -> {
            int source = from != null ? from : def.ruleVersion();
            Uni<RuleSet> base = source > 0 ? rules.get(caller, def.key(), source) : Uni.createFrom().nullItem();
            return base.chain(b -> rules.create(caller, def.key(), new RuleSetInput(b == null ? null : b.tierModel(),
                    b == null ? null : b.approval(), null)))
                    .map(draft -> Redirects.seeOther(editorPath(def, draft.version())).cookie(Flash.info("ui.rules.draft.created")).build());
        });
    }

    @GET
    @Path("{form}/rules/{version: \\d+}")
    public Uni<Response> show(@RestPath String form, @RestPath int version, @RestQuery String simulate) {
        Caller caller = pages.caller();
        return forms.get(form).chain(def -> rules.get(caller, def.key(), version).chain(set -> {
            JsonNode model = json.valueToTree(set.tierModel());
            return page(caller, def, set, model, set.approval(), set.note(), Map.of(), "1".equals(simulate), 200);
        }));
    }

    @POST
    @Path("{form}/rules/{version: \\d+}")
    @WithFormRead
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    public Uni<Response> save(@RestPath String form, @RestPath int version, @RestForm String then, @RestForm String note) {
        Caller caller = pages.caller();
        Map<String, List<String>> posted = PostedForm.all();
        TierModelForm.Parsed parsed = TierModelForm.parse(posted);
        ApprovalBinding approval = approval(posted);
        return forms.get(form).chain(def -> {
            if (!parsed.problems().isEmpty()) {
                return rules.get(caller, def.key(), version).chain(set -> page(caller, def, set, parsed.model(), approval, note,
                        messages(parsed.problems()), false, 400));
            }
            return Uni.createFrom().deferred(() -> rules.update(caller, def.key(), version, new RuleSetInput(model(parsed.model()), approval, note)))
                    .chain(saved -> after(caller, def, saved, then))
                    .onFailure(e -> e instanceof Problem p && (p.status() == 400 || p.status() == 409))
                    .recoverWithUni(e -> rules.get(caller, def.key(), version).chain(set -> page(caller, def, set, parsed.model(), approval,
                            note, problems((Problem) e), false, ((Problem) e).status())));
        });
    }

    @GET
    @Path("{form}/rules/{version: \\d+}/simulation")
    public Uni<TemplateInstance> simulate(@RestPath String form, @RestPath int version) {
        Caller caller = pages.caller();
        // simulating a draft stores its quintile boundaries: read it afterwards, so the editor gets them too
        return forms.get(form).chain(def -> rules.simulate(caller, def.key(), version, SAMPLES)
                .chain(sim -> rules.get(caller, def.key(), version).map(set -> simulationView(def, set, sim))));
    }

    @POST
    @Path("{form}/rules/{version: \\d+}/rollback")
    @WithFormRead
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> rollback(@RestPath String form, @RestPath int version) {
        Caller caller = pages.caller();
        return forms.get(form).chain(def -> rules.rollback(caller, def.key(), version, WAIT)
                .map(p -> Redirects.seeOther(editorPath(def, version)).cookie(Flash.success("ui.rules.rolled-back")).build()));
    }

    @GET
    @Path("{form}/rules/jobs/{id: \\d+}")
    public Uni<TemplateInstance> job(@RestPath String form, @RestPath long id) {
        Caller caller = pages.caller();
        return forms.get(form).chain(def -> rules.job(caller, def.key(), id).map(j -> pages.page(job).data("job", views.job(def.key(), j))));
    }

    /** After a save: back to the editor, with the simulation loading, or published (and re-tiering). */
    private Uni<Response> after(Caller caller, FormDefinition def, RuleSet saved, String then) {
        if ("publish".equals(then)) {
            return rules.publish(caller, def.key(), saved.version(), WAIT)
                    .map(p -> Redirects.seeOther(editorPath(def, saved.version())).cookie(Flash.success("ui.rules.published")).build());
        }
        if ("simulate".equals(then)) {
            return Uni.createFrom().item(Redirects.seeOther(editorPath(def, saved.version()) + "?simulate=1#simulation").build());
        }
        return Uni.createFrom().item(Redirects.seeOther(editorPath(def, saved.version())).cookie(Flash.success("ui.rules.saved")).build());
    }

    private Uni<Response> page(Caller caller, FormDefinition def, RuleSet set, JsonNode model, ApprovalBinding approval, String note,
            Map<String, String> errors, boolean simulateNow, int status) {
        Map<String, String> modelErrors = new LinkedHashMap<>();
        Map<String, String> otherErrors = new LinkedHashMap<>();
        errors.forEach((path, message) -> {
            if (path.startsWith("tierModel.")) {
                modelErrors.put(path.substring("tierModel.".length()), message);
            } else if (TierModelForm.LISTS.stream().anyMatch(l -> path.startsWith(l + "["))) {
                modelErrors.put(path, message);
            } else {
                otherErrors.put(path, message);
            }
        });
        RuleEditor edit = RuleEditor.of(model, modelErrors);
        List<String> alerts = new ArrayList<>(edit.unplaced());
        otherErrors.forEach((path, message) -> {
            if (!path.startsWith("approval") && !"note".equals(path)) {
                alerts.add(message);
            }
        });
        boolean draft = RuleSet.DRAFT.equals(set.status());
        Uni<List<RetierJob>> jobs = RuleSet.PUBLISHED.equals(set.status()) ? rules.jobs(caller, def.key()) : Uni.createFrom().item(List.of());
        return views.version(def, set).chain(row -> jobs.map(all -> {
            RetierJob latest = all.stream().filter(j -> j.ruleVersion() == set.version()).findFirst().orElse(null);
            TemplateInstance view = pages.page(editor).data("formKey", def.key()).data("formName", def.name())
                    .data("set", row).data("draft", draft).data("readonly", !draft).data("blank", RuleEditor.BLANK).data("edit", edit).data("note", note == null ? "" : note)
                    .data("approval", views.approval(def, edit, approval, otherErrors))
                    .data("noteError", otherErrors.get("note")).data("alerts", alerts).data("invalid", status >= 400)
                    .data("simulateNow", simulateNow).data("job", latest == null ? null : views.job(def.key(), latest))
                    .data("catalog", views.catalog(def, caller));
            return Response.status(status).entity(view).build();
        }));
    }

    private TemplateInstance simulationView(FormDefinition def, RuleSet set, Simulation sim) {
        List<String> tiers = TierColours.tiers(set.tierModel());
        String[] sides = { pages.text("ui.rules.sim.now"), pages.text("ui.rules.sim.after") };
        SimulationView view = SimulationView.of(sim, def.key(), tiers, pages.text("ui.records.tier.none"), sides, views::script);
        return pages.page(simulation).data("sim", view).data("version", set.version())
                .data("edit", RuleEditor.of(json.valueToTree(set.tierModel()), Map.of()))
                .data("publishable", RuleSet.DRAFT.equals(set.status()));
    }

    private Map<String, String> problems(Problem p) {
        Map<String, String> out = new LinkedHashMap<>();
        if (p.fields().isEmpty()) {
            out.put("", pages.text(p.code(), p.args()));
        }
        for (FieldProblem f : p.fields()) {
            out.putIfAbsent(f.field() == null ? "" : f.field(), pages.text(f.code(), f.args()));
        }
        return out;
    }

    private Map<String, String> messages(List<FieldProblem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        problems.forEach(f -> out.putIfAbsent(f.field(), pages.text(f.code(), f.args())));
        return out;
    }

    private TierModel model(ObjectNode tree) {
        try {
            return json.treeToValue(tree, TierModel.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw Problem.invalid(List.of(new FieldProblem("tierModel", "ui.rules.error.model")));
        }
    }

    /** The approval binding as posted, or null when "start an approval" is not ticked. */
    static ApprovalBinding approval(Map<String, List<String>> posted) {
        if (!posted.containsKey("approval.enabled")) {
            return null;
        }
        List<String> tiers = posted.getOrDefault("approval.tiers", List.of()).stream().filter(t -> !t.isBlank()).distinct().toList();
        String status = first(posted, "approval.statusField");
        return new ApprovalBinding(tiers, status, first(posted, "approval.process"));
    }

    private static String first(Map<String, List<String>> posted, String name) {
        List<String> values = posted.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
    }

    static String editorPath(FormDefinition def, int version) {
        return "/forms/" + def.key() + "/rules/" + version;
    }
}
