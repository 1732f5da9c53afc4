package io.tierflow.form.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.audit.AuditLog;
import io.tierflow.core.db.JsonText;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.Role;
import io.tierflow.form.model.ApprovalBinding;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.type.FieldType;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.form.type.FormulaFieldType;
import io.tierflow.form.type.SingleSelectFieldType;
import io.tierflow.rule.tier.TierModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Creates forms and adds fields. Metadata and DDL run in one transaction: a form whose formulas or tier
 * model do not compile is refused with the path of each problem, and leaves nothing behind.
 */
@ApplicationScoped
public class FormService {

    static final Pattern FORM_KEY = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    static final Pattern FIELD_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");
    static final int MAX_FIELDS = 500;

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    FormRepository forms;

    @Inject
    FormCompiler compiler;

    @Inject
    RecordTableDdl ddl;

    @Inject
    FieldTypes types;

    @Inject
    AuditLog audit;

    @Inject
    io.tierflow.form.record.Recompute recompute;

    @Inject
    RelationResolver relations;

    @Inject
    io.tierflow.form.trigger.TriggerEngine triggers;

    @Inject
    io.tierflow.form.trigger.TimeWindows timeWindows;

    @Inject
    ObjectMapper json;

    @Inject
    io.tierflow.form.ruleset.RuleSetService ruleSets;

    public Uni<List<FormDefinition>> list() {
        return sessions.withSession(forms::list);
    }

    public Uni<FormDefinition> get(String ref) {
        return sessions.withSession(session -> forms.load(session, ref));
    }

    public Uni<FormDefinition> create(Caller caller, FormInput in) {
        requireBuilder(caller);
        List<FieldProblem> problems = new ArrayList<>();
        if (in.key() == null || !FORM_KEY.matcher(in.key()).matches()) {
            problems.add(new FieldProblem("key", "form.key.invalid"));
        }
        if (in.name() == null || in.name().isBlank() || in.name().length() > 200) {
            problems.add(new FieldProblem("name", "form.name.invalid"));
        }
        List<FieldInput> fields = in.fields() == null ? List.of() : in.fields();
        if (fields.size() > MAX_FIELDS) {
            problems.add(new FieldProblem("fields", "form.fields.too-many", MAX_FIELDS));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            problems.addAll(checkField(fields.get(i), "fields[" + i + "]", keys));
        }
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        TierModel tierModel = in.tierModel() == null ? new TierModel(List.of()) : in.tierModel();
        return sessions.withTransaction(session -> NativeSql.number(session, "SELECT count(*) FROM form WHERE key = ?1", in.key())
                .chain(taken -> {
                    if (taken > 0) {
                        throw Problem.conflict("form.key.taken", in.key()).field("key", "form.key.taken", in.key());
                    }
                    return NativeSql.number(session, "INSERT INTO form (key, name, tier_model, approval, created_by) VALUES"
                            + " (?1, ?2, " + NativeSql.jsonParam(3) + ", " + NativeSql.jsonParam(4) + ", ?5) RETURNING id",
                            in.key(), in.name().strip(), JsonText.write(json, tierModel), JsonText.write(json, in.approval()),
                            caller.id());
                })
                .call(formId -> ruleSets.initial(session, formId, tierModel, in.approval(), caller.id()))
                .chain(formId -> insertFields(session, formId, fields, 0).replaceWith(formId))
                .chain(formId -> forms.load(session, formId))
                .call(draft -> relations.resolve(session, draft, "fields"))
                .chain(draft -> forms.load(session, draft.id()))
                .chain(draft -> {
                    checkApproval(draft);
                    CompiledForm compiled = compiler.compile(draft, "fields");
                    return forms.storeResultTypes(session, compiled).chain(() -> forms.load(session, draft.id()));
                })
                .call(form -> ddl.createTable(session, form))
                .call(form -> audit.record(session, caller.id(), "form.create", "form", Long.toString(form.id()),
                        Map.of("key", form.key(), "name", form.name()))));
    }

    /** Adds one field at the end; its column is created in the same transaction. */
    public Uni<FormDefinition> addField(Caller caller, String ref, FieldInput field) {
        requireBuilder(caller);
        return sessions.withTransaction(session -> forms.load(session, ref).chain(form -> {
            Set<String> keys = new HashSet<>();
            form.fields().forEach(f -> keys.add(f.key()));
            List<FieldProblem> problems = checkField(field, "field", keys);
            if (!problems.isEmpty()) {
                throw Problem.invalid(problems);
            }
            int position = form.fields().stream().mapToInt(FieldDefinition::position).max().orElse(-1) + 1;
            return NativeSql.number(session, "SELECT count(*) FROM form_field WHERE form_id = ?1 AND key = ?2", form.id(), field.key())
                    .invoke(inTrash -> {
                        if (inTrash > 0) {
                            throw Problem.conflict("form.field.key-in-trash", field.key()).field("field.key", "form.field.key-in-trash", field.key());
                        }
                    })
                    .chain(() -> insertFields(session, form.id(), List.of(field), position))
                    .chain(() -> NativeSql.update(session, "UPDATE form SET revision = revision + 1 WHERE id = ?1", form.id()))
                    .chain(() -> forms.load(session, form.id()))
                    .call(draft -> relations.resolve(session, draft, "fields"))
                    .chain(draft -> forms.load(session, draft.id()))
                    .chain(draft -> {
                        CompiledForm compiled = compiler.compile(draft, "fields");
                        return forms.storeResultTypes(session, compiled).chain(() -> forms.load(session, draft.id()));
                    })
                    .call(updated -> ddl.addColumn(session, updated, updated.field(field.key()).orElseThrow()))
                    // existing records get the new computed value now, not at their next edit
                    .call(updated -> types.get(field.type()).computed()
                            ? recompute.all(session, compiler.compiled(updated), caller.id(), "schema") : Uni.createFrom().voidItem())
                    .call(updated -> audit.record(session, caller.id(), "form.field.add", "form", Long.toString(form.id()),
                            Map.of("key", field.key(), "type", field.type())));
        }));
    }

    /**
     * Replaces the tier model and the approval binding: they become a new rule version, published at once, and
     * every record is re-tiered (cause {@code tier-model}; each record whose tier changes gets its history and,
     * entering an approval tier, its approval) before the returned form arrives. Drafts, simulation and
     * background re-tiering: {@link io.tierflow.form.ruleset.RuleSetService}.
     */
    public Uni<FormDefinition> setTiering(Caller caller, String ref, TierModel tierModel, ApprovalBinding approval) {
        requireBuilder(caller);
        return ruleSets.publishNow(caller, ref, tierModel, approval, "tier-model").chain(formId -> get(Long.toString(formId)));
    }

    /** Replaces the form's trigger rules after checking every event, condition and action. */
    public Uni<FormDefinition> setTriggers(Caller caller, String ref, List<io.tierflow.form.trigger.TriggerRule> rules) {
        requireBuilder(caller);
        List<io.tierflow.form.trigger.TriggerRule> given = rules == null ? List.of() : rules;
        return sessions.withTransaction(session -> forms.load(session, ref).chain(form -> {
            List<FieldProblem> problems = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < given.size(); i++) {
                var rule = given.get(i);
                String path = "triggers[" + i + "]";
                if (rule.id() == null || !FIELD_KEY.matcher(rule.id()).matches() || !ids.add(rule.id())) {
                    problems.add(new FieldProblem(path + ".id", "form.trigger.id"));
                }
                if (!io.tierflow.form.trigger.TriggerRule.EVENTS.contains(rule.when())) {
                    problems.add(new FieldProblem(path + ".when", "form.trigger.when",
                            String.join(", ", io.tierflow.form.trigger.TriggerRule.EVENTS)));
                }
                rule.fields().stream().filter(k -> form.field(k).isEmpty()).forEach(k ->
                        problems.add(new FieldProblem(path + ".fields", "form.value.unknown-field", k)));
                if (rule.actions().isEmpty()) {
                    problems.add(new FieldProblem(path + ".actions", "form.trigger.actions-required"));
                }
                for (int a = 0; a < rule.actions().size(); a++) {
                    var params = rule.actions().get(a);
                    var action = triggers.action(String.valueOf(params.get("type")));
                    if (action == null) {
                        problems.add(new FieldProblem(path + ".actions[" + a + "].type", "form.trigger.action",
                                String.join(", ", triggers.actionTypes())));
                    } else {
                        problems.addAll(action.check(form, params, path + ".actions[" + a + "]"));
                    }
                }
            }
            Uni<Void> schedules = Uni.createFrom().voidItem();
            for (int i = 0; i < given.size(); i++) {
                var rule = given.get(i);
                String path = "triggers[" + i + "]";
                schedules = schedules.chain(() -> timeWindows.check(session, form, rule, path).invoke(problems::addAll).replaceWithVoid());
            }
            return schedules.chain(() -> {
            if (!problems.isEmpty()) {
                throw Problem.invalid(problems);
            }
            compiler.compile(new FormDefinition(form.id(), form.key(), form.name(), form.revision() + 1, form.fields(),
                    form.tierModel(), form.approval(), form.permissions(), given).withRelated(form.related()), "fields");
            return NativeSql.update(session, "UPDATE form SET triggers = " + NativeSql.jsonParam(1)
                            + ", revision = revision + 1 WHERE id = ?2", JsonText.write(json, given), form.id())
                    .chain(() -> audit.record(session, caller.id(), "form.triggers", "form", Long.toString(form.id()),
                            Map.of("rules", given.size())))
                    .chain(() -> forms.load(session, form.id()));
            });
        }));
    }

    /** Moves a whole form, with its records, to the trash. */
    public Uni<Void> delete(Caller caller, String ref) {
        if (!caller.isAdmin()) {
            throw Problem.forbidden("form.admin-only");
        }
        return sessions.withTransaction(session -> forms.load(session, ref).chain(form ->
                NativeSql.update(session, "UPDATE form SET deleted_at = now(), revision = revision + 1 WHERE id = ?1", form.id())
                        .chain(() -> audit.record(session, caller.id(), "form.delete", "form", Long.toString(form.id()),
                                Map.of("key", form.key())))));
    }

    public Uni<List<FormDefinition>> trash() {
        return sessions.withSession(forms::trashedForms);
    }

    /** Brings a form back from the trash, by id, with its fields and every record. */
    public Uni<FormDefinition> restore(Caller caller, long id) {
        if (!caller.isAdmin()) {
            throw Problem.forbidden("form.admin-only");
        }
        return sessions.withTransaction(session -> NativeSql.update(session,
                        "UPDATE form SET deleted_at = NULL, revision = revision + 1 WHERE id = ?1 AND deleted_at IS NOT NULL", id)
                .invoke(n -> {
                    if (n == 0) {
                        throw Problem.notFound("form.not-in-trash", id);
                    }
                })
                .chain(() -> audit.record(session, caller.id(), "form.restore", "form", Long.toString(id), Map.of()))
                .chain(() -> forms.load(session, id)));
    }

    /** Replaces the form's permissions (admins only); roles left out fall back to the defaults. */
    public Uni<FormDefinition> setPermissions(Caller caller, String ref, Map<Role, RoleAccess> roles) {
        if (!caller.isAdmin()) {
            throw Problem.forbidden("form.admin-only");
        }
        return sessions.withTransaction(session -> forms.load(session, ref).chain(form -> {
            List<FieldProblem> problems = new ArrayList<>();
            Map<Role, RoleAccess> given = roles == null ? Map.of() : roles;
            given.forEach((role, access) -> {
                String path = role.name();
                if (access == null) {
                    problems.add(new FieldProblem(path, "form.permissions.missing"));
                    return;
                }
                access.actions().stream().filter(a -> !RoleAccess.ACTIONS.contains(a)).forEach(a ->
                        problems.add(new FieldProblem(path + ".actions", "form.permissions.action", a, String.join(", ", RoleAccess.ACTIONS))));
                if (!RoleAccess.SCOPES.contains(access.scope())) {
                    problems.add(new FieldProblem(path + ".scope", "form.permissions.scope", String.join(", ", RoleAccess.SCOPES)));
                }
                access.fields().forEach((key, mode) -> {
                    if (form.field(key).isEmpty()) {
                        problems.add(new FieldProblem(path + ".fields." + key, "form.value.unknown-field", key));
                    } else if (!RoleAccess.HIDDEN.equals(mode) && !RoleAccess.READONLY.equals(mode)) {
                        problems.add(new FieldProblem(path + ".fields." + key, "form.permissions.field-mode"));
                    }
                });
            });
            if (!problems.isEmpty()) {
                throw Problem.invalid(problems);
            }
            return NativeSql.update(session, "UPDATE form SET permissions = " + NativeSql.jsonParam(1)
                            + ", revision = revision + 1 WHERE id = ?2", JsonText.write(json, given), form.id())
                    .chain(() -> audit.record(session, caller.id(), "form.permissions", "form", Long.toString(form.id()), given))
                    .chain(() -> forms.load(session, form.id()));
        }));
    }

    private List<FieldProblem> checkField(FieldInput f, String path, Set<String> keys) {
        List<FieldProblem> problems = new ArrayList<>();
        if (f == null) {
            return List.of(new FieldProblem(path, "form.field.missing"));
        }
        if (f.key() == null || !FIELD_KEY.matcher(f.key()).matches()) {
            problems.add(new FieldProblem(path + ".key", "form.field.key-invalid"));
        } else if (!keys.add(f.key())) {
            problems.add(new FieldProblem(path + ".key", "form.field.key-duplicate", f.key()));
        }
        if (f.label() == null || f.label().isBlank() || f.label().length() > 200) {
            problems.add(new FieldProblem(path + ".label", "form.field.label-invalid"));
        }
        FieldType type = f.type() == null ? null : types.find(f.type()).orElse(null);
        if (type == null) {
            problems.add(new FieldProblem(path + ".type", "form.field.unknown-type", String.valueOf(f.type()),
                    String.join(", ", types.all().stream().map(FieldType::id).toList())));
        } else if (f.config() != null && !f.config().isObject()) {
            problems.add(new FieldProblem(path + ".config", "form.field.config-not-object"));
        } else {
            problems.addAll(type.checkConfig(draft(f), path));
            problems.addAll(io.tierflow.form.type.CommonOptions.check(type, draft(f), path));
        }
        return problems;
    }

    private static FieldDefinition draft(FieldInput f) {
        JsonNode config = f.config() == null ? JsonNodeFactory.instance.objectNode() : f.config();
        return new FieldDefinition(0, f.key(), f.label(), f.type(), Boolean.TRUE.equals(f.required()), config, 0);
    }

    private Uni<Void> insertFields(Mutiny.Session session, long formId, List<FieldInput> fields, int firstPosition) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < fields.size(); i++) {
            FieldInput f = fields.get(i);
            int position = firstPosition + i;
            ObjectNode config = f.config() == null ? JsonNodeFactory.instance.objectNode() : ((ObjectNode) f.config()).deepCopy();
            config.remove(FormulaFieldType.RESULT_TYPE);
            chain = chain.chain(() -> NativeSql.update(session, "INSERT INTO form_field (form_id, key, label, type, required,"
                    + " config, position) VALUES (?1, ?2, ?3, ?4, ?5, " + NativeSql.jsonParam(6) + ", ?7)",
                    formId, f.key(), f.label().strip(), f.type(), Boolean.TRUE.equals(f.required()), JsonText.write(json, config),
                    position))
                    .replaceWithVoid();
        }
        return chain;
    }

    /** An approval binding needs a single-select status field and at least one tier. */
    public void checkApproval(FormDefinition form) {
        ApprovalBinding approval = form.approval();
        if (approval == null) {
            return;
        }
        FieldDefinition status = approval.statusField() == null ? null : form.field(approval.statusField()).orElse(null);
        if (status == null || !(types.get(status.type()) instanceof SingleSelectFieldType)) {
            throw Problem.invalid(List.of(new FieldProblem("approval.statusField", "form.approval.status-field")));
        }
        if (approval.tiers().isEmpty()) {
            throw Problem.invalid(List.of(new FieldProblem("approval.tiers", "form.approval.tiers-required")));
        }
    }

    private static void requireBuilder(Caller caller) {
        if (caller.role() == Role.SALES) {
            throw Problem.forbidden("form.builder-only");
        }
    }
}
