package io.tierflow.form.ruleset;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.audit.AuditLog;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.Role;
import io.tierflow.form.model.ApprovalBinding;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.record.FormAccess;
import io.tierflow.form.schema.CompiledForm;
import io.tierflow.form.schema.FormCompiler;
import io.tierflow.form.schema.FormRepository;
import io.tierflow.form.schema.FormService;
import io.tierflow.rule.tier.TierModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A form's rule versions (DESIGN.md "Change a rule"): draft → simulate → publish, and rollback to a version
 * published before. Publishing makes the version the form's live tier model in one transaction, together
 * with a re-tier job that then moves every record to the tier the version gives it, in the background.
 * Builders only (admins and managers), on forms their role may view.
 */
@ApplicationScoped
public class RuleSetService {

    public static final String CAUSE_PUBLISH = "rule-publish";
    public static final String CAUSE_ROLLBACK = "rule-rollback";
    static final int MAX_NOTE = 2000;

    /** A version made live, and the job re-tiering the records for it (possibly finished already). */
    public record Published(RuleSet ruleSet, RetierJob job) {
    }

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    FormRepository forms;

    @Inject
    FormCompiler compiler;

    @Inject
    FormService formService;

    @Inject
    RuleSetRepository ruleSets;

    @Inject
    RetierJobs jobs;

    @Inject
    RetierRunner runner;

    @Inject
    Simulator simulator;

    @Inject
    QuintileBoundaries quintiles;

    @Inject
    AuditLog audit;

    public Uni<List<RuleSet>> list(Caller caller, String ref) {
        return sessions.withSession(session -> builderForm(session, caller, ref).chain(form -> ruleSets.list(session, form.id())));
    }

    public Uni<RuleSet> get(Caller caller, String ref, int version) {
        return sessions.withSession(session -> builderForm(session, caller, ref)
                .chain(form -> existing(session, form, version, false)));
    }

    public Uni<RuleSet> create(Caller caller, String ref, RuleSetInput input) {
        RuleSetInput in = input == null ? new RuleSetInput(null, null, null) : input;
        return sessions.withTransaction(session -> builderForm(session, caller, ref).chain(form -> {
            validate(form, in);
            return ruleSets.lockForm(session, form.id())
                    .chain(() -> ruleSets.insert(session, form.id(), RuleSet.DRAFT, in.model(), in.approval(), in.note(), caller.id()))
                    .call(draft -> audit.record(session, caller.id(), "form.rules.draft", "form", Long.toString(form.id()),
                            Map.of("version", draft.version(), "rules", in.model().rules().size())));
        }));
    }

    /** Replaces a draft's model, approval and note; published and archived versions are read-only (409). */
    public Uni<RuleSet> update(Caller caller, String ref, int version, RuleSetInput input) {
        RuleSetInput in = input == null ? new RuleSetInput(null, null, null) : input;
        return sessions.withTransaction(session -> builderForm(session, caller, ref).chain(form -> {
            validate(form, in);
            return existing(session, form, version, true).chain(draft -> {
                if (!RuleSet.DRAFT.equals(draft.status())) {
                    throw Problem.conflict("ruleset.not-draft", version, draft.status());
                }
                return ruleSets.updateDraft(session, draft, in.model(), in.approval(), in.note());
            });
        }));
    }

    /** Any version, over the form's live records, read-only; see {@link Simulator}. */
    public Uni<Simulation> simulate(Caller caller, String ref, int version, int samples) {
        return sessions.withTransaction(session -> forms.load(session, ref).chain(form -> {
            RoleAccess access = builder(caller, form);
            return existing(session, form, version, false).chain(rules -> withBoundaries(session, form, rules,
                    RuleSet.DRAFT.equals(rules.status()))).chain(rules -> {
                CompiledForm compiled = compile(form, new RuleSetInput(rules.tierModel(), rules.approval(), null));
                return simulator.simulate(session, form, access, rules, compiled.tierModel(), samples);
            });
        }));
    }

    /** Publishes a draft; waits up to {@code wait} for its re-tiering, so a small form is done when this answers. */
    public Uni<Published> publish(Caller caller, String ref, int version, Duration wait) {
        return makeLive(caller, ref, version, RuleSet.DRAFT, CAUSE_PUBLISH).chain(job -> finish(job, wait));
    }

    /** Publishes again a version that was published before (archived), and re-tiers the records back. */
    public Uni<Published> rollback(Caller caller, String ref, int version, Duration wait) {
        return makeLive(caller, ref, version, RuleSet.ARCHIVED, CAUSE_ROLLBACK).chain(job -> finish(job, wait));
    }

    public Uni<RetierJob> job(Caller caller, String ref, long id) {
        return sessions.withSession(session -> builderForm(session, caller, ref).chain(form -> jobs.find(session, id).map(job -> {
            if (job == null || job.formId() != form.id()) {
                throw Problem.notFound("ruleset.job-not-found", id);
            }
            return job;
        })));
    }

    public Uni<List<RetierJob>> jobs(Caller caller, String ref) {
        return sessions.withSession(session -> builderForm(session, caller, ref).chain(form -> jobs.ofForm(session, form.id(), 20)));
    }

    /**
     * {@code PUT /api/forms/{form}/tiering}: the model becomes a new version, published at once, and every
     * record is re-tiered (cause {@code cause}) before the returned Uni completes.
     *
     * @return the form's id
     */
    public Uni<Long> publishNow(Caller caller, String ref, TierModel model, ApprovalBinding approval, String cause) {
        RuleSetInput in = new RuleSetInput(model, approval, null);
        return sessions.withTransaction(session -> builderForm(session, caller, ref).chain(form -> {
            validate(form, in);
            return ruleSets.lockForm(session, form.id())
                    .chain(() -> ruleSets.insert(session, form.id(), RuleSet.DRAFT, in.model(), approval, null, caller.id()))
                    .chain(draft -> withBoundaries(session, form, draft, true))
                    .chain(draft -> live(session, caller, form, draft, cause));
        })).call(job -> finish(job, null)).map(job -> job.formId());
    }

    /** Version 1 of a new form, published, in the transaction that creates the form. */
    public Uni<Void> initial(Mutiny.Session session, long formId, TierModel model, ApprovalBinding approval, Long actorId) {
        return ruleSets.insert(session, formId, RuleSet.PUBLISHED, model == null ? new TierModel(List.of()) : model, approval, null, actorId)
                .chain(v -> NativeSql.update(session, "UPDATE form SET rule_version = ?1 WHERE id = ?2", v.version(), formId))
                .replaceWithVoid();
    }

    private Uni<RetierJob> makeLive(Caller caller, String ref, int version, String requiredStatus, String cause) {
        return sessions.withTransaction(session -> builderForm(session, caller, ref).chain(form -> ruleSets.lockForm(session, form.id())
                .chain(() -> existing(session, form, version, true))
                .chain(target -> {
                    if (!requiredStatus.equals(target.status())) {
                        throw Problem.conflict(RuleSet.DRAFT.equals(requiredStatus) ? "ruleset.publish-needs-draft"
                                : "ruleset.rollback-needs-archived", version, target.status());
                    }
                    // fields may have changed since the draft was checked
                    validate(form, new RuleSetInput(target.tierModel(), target.approval(), target.note()));
                    return withBoundaries(session, form, target, true).chain(fresh -> live(session, caller, form, fresh, cause));
                })));
    }

    /** Publishes {@code target} and creates its re-tier job, in the caller's transaction. */
    private Uni<RetierJob> live(Mutiny.Session session, Caller caller, FormDefinition form, RuleSet target, String cause) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", target.version());
        detail.put("from", form.ruleVersion());
        detail.put("cause", cause);
        return ruleSets.publish(session, target, caller.id())
                .chain(() -> forms.load(session, form.id()))
                .chain(updated -> jobs.create(session, updated, target.version(), cause, caller.id()))
                .call(jobId -> audit.record(session, caller.id(), CAUSE_ROLLBACK.equals(cause) ? "form.rules.rollback"
                        : "form.rules.publish", "form", Long.toString(form.id()), detail))
                .chain(jobId -> jobs.find(session, jobId));
    }

    /**
     * The version with its quintile boundaries computed over the form's records now ({@link QuintileBoundaries}),
     * stored in it when {@code store}; the version itself when its model has no quintiles.
     */
    private Uni<RuleSet> withBoundaries(Mutiny.Session session, FormDefinition form, RuleSet target, boolean store) {
        CompiledForm compiled = compile(form, new RuleSetInput(target.tierModel(), target.approval(), null));
        return quintiles.compute(session, form, target.tierModel(), compiled.tierModel()).chain(model -> {
            if (model.equals(target.tierModel())) {
                return Uni.createFrom().item(target);
            }
            return store ? ruleSets.withBoundaries(session, target, model)
                    : Uni.createFrom().item(new RuleSet(target.id(), target.formId(), target.version(), target.status(), model,
                            target.approval(), target.note(), target.createdBy(), target.createdAt(), target.updatedAt(),
                            target.publishedBy(), target.publishedAt()));
        });
    }

    /** Starts the job after its transaction committed; waits for it up to {@code wait} (null: to the end). */
    private Uni<Published> finish(RetierJob started, Duration wait) {
        return RetierWait.until(runner.start(started.id()), wait)
                .chain(() -> sessions.withSession(session -> jobs.find(session, started.id())
                        .chain(job -> ruleSets.find(session, job.formId(), job.ruleVersion(), false)
                                .map(rules -> new Published(rules, job)))));
    }

    private Uni<FormDefinition> builderForm(Mutiny.Session session, Caller caller, String ref) {
        return forms.load(session, ref).invoke(form -> builder(caller, form));
    }

    /** A form the role may not view does not exist for it (404); sales may view but not change rules (403). */
    private static RoleAccess builder(Caller caller, FormDefinition form) {
        RoleAccess access = FormAccess.require(caller, form, "view");
        if (caller.role() == Role.SALES) {
            throw Problem.forbidden("form.builder-only");
        }
        return access;
    }

    private Uni<RuleSet> existing(Mutiny.Session session, FormDefinition form, int version, boolean lock) {
        return ruleSets.find(session, form.id(), version, lock).map(found -> {
            if (found == null) {
                throw Problem.notFound("ruleset.not-found", version);
            }
            return found;
        });
    }

    /** A version is valid when the form compiles with it: conditions boolean, fields known, approval bound to a select. */
    private CompiledForm validate(FormDefinition form, RuleSetInput in) {
        if (in.note() != null && in.note().length() > MAX_NOTE) {
            throw Problem.invalid(List.of(new FieldProblem("note", "ruleset.note-too-long", MAX_NOTE)));
        }
        return compile(form, in);
    }

    private CompiledForm compile(FormDefinition form, RuleSetInput in) {
        FormDefinition draft = new FormDefinition(form.id(), form.key(), form.name(), form.revision(), form.fields(),
                in.model(), in.approval(), form.permissions(), form.triggers(), form.layout(), form.ruleVersion(),
                form.related());
        formService.checkApproval(draft);
        return compiler.compile(draft, "fields");
    }
}
