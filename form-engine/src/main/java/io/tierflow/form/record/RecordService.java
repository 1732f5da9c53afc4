package io.tierflow.form.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.db.OrdinalParams;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RecordPage;
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
 * Records as callers see them: every method checks the caller's row scope, runs in one transaction and goes
 * through {@link RecordWriter} for writes. A record outside the caller's scope is "not found", never
 * "forbidden", so its existence does not leak.
 */
@ApplicationScoped
public class RecordService {

    public static final int MAX_PAGE = 200;

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    FormRepository forms;

    @Inject
    FormCompiler compiler;

    @Inject
    RecordInput input;

    @Inject
    RecordRows rows;

    @Inject
    RecordWriter writer;

    @Inject
    io.tierflow.form.type.FieldTypes types;

    @Inject
    RelationValues relations;

    @Inject
    FieldVisibility visibility;

    @Inject
    LinkageFill linkage;

    /**
     * What a list may be narrowed by; all optional. {@code trash} lists deleted records instead of live ones;
     * {@code filter} is a {@link RecordFilter} tree, {@code sort} a {@link RecordSort}, {@code fields} the keys
     * whose values to return.
     */
    public record ListQuery(Integer limit, Long after, String tier, String search, boolean trash, JsonNode filter,
            String sort, String cursor, List<String> fields) {

        public ListQuery(Integer limit, Long after, String tier, String search) {
            this(limit, after, tier, search, false, null, null, null, null);
        }
    }

    public Uni<RecordView> create(Caller caller, String formRef, JsonNode values) {
        return sessions.withTransaction(session -> forms.load(session, formRef).chain(def -> {
            RoleAccess access = FormAccess.require(caller, def, "create");
            CompiledForm form = compiler.compiled(def);
            Map<Long, Object> parsed = input.parse(def, values, true, access, typed -> visibility.hidden(form, typed));
            return relations.checkLinks(session, def, parsed, caller)
                    .chain(() -> linkage.fill(session, caller, def, null, parsed))
                    .chain(linked -> writer.create(session, form, caller.id(), caller.id(), parsed, "create")
                            .call(saved -> linkage.remember(session, def, saved.id(), linked)))
                    .onFailure().transform(e -> UniqueViolations.translate(def, e))
                    .map(saved -> FormAccess.visible(rows.view(def, saved), access));
        }));
    }

    public Uni<RecordView> update(Caller caller, String formRef, long id, Long version, JsonNode values) {
        if (version == null) {
            throw Problem.invalid(List.of(new io.tierflow.core.error.FieldProblem("version", "form.record.version-required")));
        }
        return sessions.withTransaction(session -> forms.load(session, formRef).chain(def -> {
            RoleAccess access = FormAccess.require(caller, def, "edit");
            CompiledForm form = compiler.compiled(def);
            // the stored record first: whether a field is required depends on what its visibleWhen reads
            return find(session, def, RowScope.of(caller, def, "r", 2), id, true).chain(current -> {
                Map<Long, Object> patch = input.parse(def, values, false, access, typed -> visibility.hidden(form, over(current, typed)));
                return relations.checkLinks(session, def, patch, caller).chain(() -> {
                    if (current.version() != version) {
                        throw Problem.conflict("form.record.stale", version, current.version())
                                .with("currentVersion", current.version());
                    }
                    return linkage.fill(session, caller, def, current, patch)
                            .chain(linked -> writer.update(session, form, caller.id(), current, patch, "update")
                                    .call(saved -> linkage.remember(session, def, saved.id(), linked)));
                });
            }).onFailure().transform(e -> UniqueViolations.translate(def, e)).map(saved -> FormAccess.visible(rows.view(def, saved), access));
        }));
    }

    public Uni<RecordView> get(Caller caller, String formRef, long id) {
        return sessions.withSession(session -> forms.load(session, formRef).chain(def -> {
            RoleAccess access = FormAccess.require(caller, def, "view");
            return find(session, def, RowScope.of(caller, def, "r", 2), id, false)
                    .map(r -> FormAccess.visible(rows.view(def, r), access));
        }));
    }

    /** Moves the record to the trash: hidden from lists, reports and edits, every value kept for a restore. */
    public Uni<Void> delete(Caller caller, String formRef, long id) {
        return sessions.withTransaction(session -> forms.load(session, formRef).chain(def ->
                find(session, def, RowScope.of(caller, def, "r", 2), id, true)
                        .invoke(() -> FormAccess.require(caller, def, "delete"))
                        .chain(current -> writer.markDeleted(session, def, caller.id(), current, true)).replaceWithVoid()));
    }

    /** Brings a record back from the trash with all its values. */
    public Uni<RecordView> restore(Caller caller, String formRef, long id) {
        return sessions.withTransaction(session -> forms.load(session, formRef).chain(def ->
                findIn(session, def, RowScope.of(caller, def, "r", 2), id, true, true)
                        .invoke(() -> FormAccess.require(caller, def, "delete"))
                        .chain(deleted -> writer.markDeleted(session, def, caller.id(), deleted, false))
                        .map(saved -> FormAccess.visible(rows.view(def, saved), def.permissions().access(caller.role())))));
    }

    /** Newest first (or in {@code sort} order), keyset-paginated, narrowed by tier, search and filter. */
    public Uni<RecordPage> list(Caller caller, String formRef, ListQuery query) {
        int limit = query.limit() == null ? 50 : Math.max(1, Math.min(MAX_PAGE, query.limit()));
        return sessions.withSession(session -> forms.load(session, formRef).chain(def -> {
            RoleAccess access = FormAccess.require(caller, def, "view");
            RecordColumns columns = new RecordColumns(def, types, access);
            RecordSort sort = RecordSort.parse(query.sort(), columns);
            List<String> fields = selectedFields(def, access, query.fields());
            OrdinalParams params = new OrdinalParams();
            StringBuilder sql = new StringBuilder("SELECT to_jsonb(r)::text FROM " + def.table() + " r WHERE r.deleted_at IS "
                    + (query.trash() ? "NOT NULL" : "NULL"));
            if (sort == null && query.after() != null) {
                sql.append(" AND r.id < ").append(params.bind(query.after()));
            }
            if (sort != null && query.cursor() != null && !query.cursor().isBlank()) {
                sql.append(" AND ").append(sort.after(query.cursor(), params));
            }
            if (query.tier() != null && !query.tier().isBlank()) {
                sql.append(" AND r.tier = ").append(params.bind(query.tier()));
            }
            if (query.search() != null && !query.search().isBlank()) {
                sql.append(" AND ").append(search(def, access, query.search().strip(), params));
            }
            sql.append(" AND ").append(RecordFilter.where(def, columns, query.filter(), params));
            RowScope scope = RowScope.of(caller, def, "r", params.next());
            params.addAll(scope.params());
            sql.append(" AND ").append(scope.sql()).append(" ORDER BY ")
                    .append(sort == null ? "r.id DESC" : sort.orderBy()).append(" LIMIT ").append(limit + 1);
            return NativeSql.texts(session, sql.toString(), params.toArray()).map(found -> {
                List<RecordView> items = new ArrayList<>();
                for (int i = 0; i < Math.min(limit, found.size()); i++) {
                    items.add(select(FormAccess.visible(rows.view(def, rows.read(def, found.get(i))), access), fields));
                }
                boolean more = found.size() > limit;
                if (!more) {
                    return new RecordPage(items, null, null);
                }
                return sort == null ? new RecordPage(items, items.get(items.size() - 1).id(), null)
                        : new RecordPage(items, null, sort.cursor(rows.tree(found.get(limit - 1))));
            });
        }));
    }

    /** Text search over every searchable field: trigram-indexed ILIKE. */
    private String search(FormDefinition def, RoleAccess access, String text, OrdinalParams params) {
        List<String> terms = new ArrayList<>();
        String pattern = params.bind("%" + likeEscaped(text) + "%");
        for (var f : def.fields()) {
            if (types.get(f.type()).searchable() && !access.hidden(f.key())) {
                terms.add("r." + f.column() + " ILIKE " + pattern);
            }
        }
        return terms.isEmpty() ? "false" : "(" + String.join(" OR ", terms) + ")";
    }

    private static List<String> selectedFields(FormDefinition def, RoleAccess access, List<String> fields) {
        if (fields == null || fields.isEmpty()) {
            return null;
        }
        List<io.tierflow.core.error.FieldProblem> unknown = fields.stream()
                .filter(k -> def.field(k).isEmpty() || access.hidden(k))
                .map(k -> new io.tierflow.core.error.FieldProblem("fields", "form.value.unknown-field", k)).toList();
        if (!unknown.isEmpty()) {
            throw Problem.invalid(unknown);
        }
        return fields;
    }

    private static RecordView select(RecordView r, List<String> fields) {
        if (fields == null) {
            return r;
        }
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        fields.forEach(k -> values.put(k, r.values().get(k)));
        return r.withValues(values);
    }

    /** The row if {@code scope} admits it, optionally locked for this transaction; else "not found". */
    Uni<StoredRecord> find(Mutiny.Session session, FormDefinition def, RowScope scope, long id, boolean forUpdate) {
        return findIn(session, def, scope, id, forUpdate, false);
    }

    /** Like {@link #find}, in the trash when {@code trash}. */
    Uni<StoredRecord> findIn(Mutiny.Session session, FormDefinition def, RowScope scope, long id, boolean forUpdate,
            boolean trash) {
        List<Object> params = new ArrayList<>(List.of(id));
        params.addAll(scope.params());
        return NativeSql.text(session, "SELECT to_jsonb(r)::text FROM " + def.table() + " r WHERE r.id = ?1"
                        + " AND r.deleted_at IS " + (trash ? "NOT NULL" : "NULL") + " AND " + scope.sql()
                        + (forUpdate ? " FOR UPDATE" : ""), params.toArray())
                .map(json -> {
                    if (json == null) {
                        throw Problem.notFound("form.record.not-found", id);
                    }
                    return rows.read(def, json);
                });
    }

    private static Map<Long, Object> over(StoredRecord current, Map<Long, Object> patch) {
        Map<Long, Object> merged = new java.util.HashMap<>(current.values());
        merged.putAll(patch);
        return merged;
    }

    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
