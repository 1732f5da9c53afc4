package io.tierflow.form.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RecordView;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.schema.CompiledForm;
import io.tierflow.form.schema.FormCompiler;
import io.tierflow.form.schema.FormRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Creates, updates and deletes many records at once, atomically: every row is checked first (values, version,
 * visibility) and any problem, reported per row ({@code update[3].version}), leaves everything unwritten.
 */
@ApplicationScoped
public class BulkWrite {

    public static final int MAX_ROWS = 1000;

    public record Request(List<JsonNode> create, List<Update> update, List<Long> delete) {
    }

    public record Update(Long id, Long version, JsonNode values) {
    }

    public record Result(List<RecordView> created, List<RecordView> updated, List<Long> deleted) {
    }

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    FormRepository forms;

    @Inject
    FormCompiler compiler;

    @Inject
    RecordInput input;

    @Inject
    RecordService records;

    @Inject
    RecordRows rows;

    @Inject
    RecordWriter writer;

    @Inject
    RelationValues relations;

    @Inject
    FieldVisibility visibility;

    @Inject
    LinkageFill linkage;

    public Uni<Result> apply(Caller caller, String formRef, Request request) {
        List<JsonNode> creates = request == null || request.create() == null ? List.of() : request.create();
        List<Update> updates = request == null || request.update() == null ? List.of() : request.update();
        List<Long> deletes = request == null || request.delete() == null ? List.of() : request.delete();
        if (creates.size() + updates.size() + deletes.size() > MAX_ROWS) {
            throw Problem.invalid(List.of(new FieldProblem("", "form.bulk.too-many", MAX_ROWS)));
        }
        return sessions.withTransaction(session -> forms.load(session, formRef).chain(def -> {
            RoleAccess access = FormAccess.require(caller, def, "view");
            List<FieldProblem> problems = new ArrayList<>();
            requireAction(caller, def, "create", !creates.isEmpty(), problems);
            requireAction(caller, def, "edit", !updates.isEmpty(), problems);
            requireAction(caller, def, "delete", !deletes.isEmpty(), problems);
            List<Map<Long, Object>> created = new ArrayList<>();
            for (int i = 0; i < creates.size(); i++) {
                created.add(parse(def, creates.get(i), true, access, "create[" + i + "].", problems));
            }
            List<Map<Long, Object>> patches = new ArrayList<>();
            for (int i = 0; i < updates.size(); i++) {
                Update u = updates.get(i);
                patches.add(parse(def, u.values(), false, access, "update[" + i + "].", problems));
                if (u.id() == null || u.version() == null) {
                    problems.add(new FieldProblem("update[" + i + "]", "form.bulk.id-version-required"));
                }
            }
            RowScope scope = RowScope.of(caller, def, "r", 2);
            List<StoredRecord> current = new ArrayList<>();
            List<StoredRecord> deleted = new ArrayList<>();
            Uni<Void> checks = Uni.createFrom().voidItem();
            for (int i = 0; i < updates.size(); i++) {
                Update u = updates.get(i);
                String path = "update[" + i + "]";
                checks = checks.chain(() -> u.id() == null ? Uni.createFrom().voidItem() : lock(session, def, scope, u.id(), path, problems)
                        .invoke(r -> {
                            current.add(r);
                            if (r != null && u.version() != null && r.version() != u.version()) {
                                problems.add(new FieldProblem(path + ".version", "form.record.stale", u.version(), r.version()));
                            }
                        }).replaceWithVoid());
            }
            for (int i = 0; i < deletes.size(); i++) {
                Long id = deletes.get(i);
                String path = "delete[" + i + "]";
                checks = checks.chain(() -> lock(session, def, scope, id, path, problems).invoke(r -> {
                    if (r != null) {
                        deleted.add(r);
                    }
                }).replaceWithVoid());
            }
            return checks.chain(() -> {
                if (!problems.isEmpty()) {
                    throw Problem.invalid(problems);
                }
                Uni<Void> links = Uni.createFrom().voidItem();
                for (Map<Long, Object> values : concat(created, patches)) {
                    links = links.chain(() -> relations.checkLinks(session, def, values, caller));
                }
                return links.chain(() -> write(session, caller, def, access, created, current, patches, deleted))
                        .onFailure().transform(e -> UniqueViolations.translate(def, e));
            });
        }));
    }

    private Uni<Result> write(Mutiny.Session session, Caller caller, FormDefinition def, RoleAccess access,
            List<Map<Long, Object>> creates, List<StoredRecord> current, List<Map<Long, Object>> patches, List<StoredRecord> deleted) {
        CompiledForm form = compiler.compiled(def);
        List<RecordView> created = new ArrayList<>();
        List<RecordView> updated = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        // data linkage as on single writes: filled from what this caller may see, never over their own values
        for (Map<Long, Object> values : creates) {
            chain = chain.chain(() -> linkage.fill(session, caller, def, null, values).chain(linked ->
                    writer.create(session, form, caller.id(), caller.id(), values, "bulk")
                            .call(r -> linkage.remember(session, def, r.id(), linked)))
                    .invoke(r -> created.add(FormAccess.visible(rows.view(def, r), access))).replaceWithVoid());
        }
        for (int i = 0; i < current.size(); i++) {
            StoredRecord record = current.get(i);
            Map<Long, Object> patch = patches.get(i);
            chain = chain.chain(() -> linkage.fill(session, caller, def, record, patch).chain(linked ->
                    writer.update(session, form, caller.id(), record, patch, "bulk")
                            .call(r -> linkage.remember(session, def, r.id(), linked)))
                    .invoke(r -> updated.add(FormAccess.visible(rows.view(def, r), access))).replaceWithVoid());
        }
        for (StoredRecord gone : deleted) {
            chain = chain.chain(() -> writer.markDeleted(session, def, caller.id(), gone, true).replaceWithVoid());
        }
        return chain.map(x -> new Result(created, updated, deleted.stream().map(StoredRecord::id).toList()));
    }

    private Map<Long, Object> parse(FormDefinition def, JsonNode values, boolean creating, RoleAccess access, String prefix,
            List<FieldProblem> problems) {
        try {
            // a new record's fields hidden by their condition are not required (an update's are read after its input)
            return creating ? input.parse(def, values, true, access, typed -> visibility.hidden(compiler.compiled(def), typed))
                    : input.parse(def, values, false, access);
        } catch (Problem p) {
            p.fields().forEach(f -> problems.add(new FieldProblem(prefix + f.field(), f.code(), f.args())));
            return Map.of();
        }
    }

    private Uni<StoredRecord> lock(Mutiny.Session session, FormDefinition def, RowScope scope, long id, String path,
            List<FieldProblem> problems) {
        return records.find(session, def, scope, id, true).onFailure(Problem.class).recoverWithItem(e -> {
            problems.add(new FieldProblem(path, "form.record.not-found", id));
            return null;
        });
    }

    private static void requireAction(Caller caller, FormDefinition def, String action, boolean needed, List<FieldProblem> problems) {
        if (needed && !def.permissions().access(caller.role()).may(action)) {
            throw Problem.forbidden("form.action.denied", action);
        }
    }

    private static List<Map<Long, Object>> concat(List<Map<Long, Object>> a, List<Map<Long, Object>> b) {
        List<Map<Long, Object>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
