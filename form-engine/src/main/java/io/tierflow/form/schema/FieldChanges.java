package io.tierflow.form.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.audit.AuditLog;
import io.tierflow.core.db.JsonText;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.Role;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.record.Recompute;
import io.tierflow.form.type.FieldType;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.form.type.FieldValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Schema changes that lose nothing: relabel and reconfigure (metadata only), reorder, delete to the trash and
 * restore (the column and its values stay), and type changes previewed first and converted with the old values
 * kept in a backup column. Each change is one transaction with its DDL, its metadata and its audit entry.
 */
@ApplicationScoped
public class FieldChanges {

    static final int MAX_EXAMPLES = 20;

    /** A partial change of a field's label, required flag or settings. */
    public record FieldPatch(String label, Boolean required, JsonNode config) {
    }

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
    Recompute recompute;

    @Inject
    RelationResolver relations;

    @Inject
    ObjectMapper json;

    public Uni<FormDefinition> patch(Caller caller, String ref, String key, FieldPatch patch) {
        requireBuilder(caller);
        return sessions.withTransaction(session -> forms.load(session, ref).chain(form -> {
            FieldDefinition field = live(form, key);
            List<FieldProblem> problems = new ArrayList<>();
            String label = patch.label() == null ? field.label() : patch.label().strip();
            if (label.isEmpty() || label.length() > 200) {
                problems.add(new FieldProblem("label", "form.field.label-invalid"));
            }
            JsonNode config = patch.config() == null ? field.config() : patch.config();
            if (!config.isObject()) {
                problems.add(new FieldProblem("config", "form.field.config-not-object"));
            } else {
                FieldDefinition draft = new FieldDefinition(field.id(), key, label, field.type(),
                        patch.required() == null ? field.required() : patch.required(), config, field.position());
                problems.addAll(types.get(field.type()).checkConfig(draft, "field"));
                problems.addAll(io.tierflow.form.type.CommonOptions.check(types.get(field.type()), draft, "field"));
            }
            if (!problems.isEmpty()) {
                throw Problem.invalid(problems);
            }
            FieldType type = types.get(field.type());
            String oldColumnType = type.columnType(field);
            return NativeSql.update(session, "UPDATE form_field SET label = ?1, required = ?2, config = " + NativeSql.jsonParam(3)
                            + " WHERE id = ?4", label, patch.required() == null ? field.required() : patch.required(),
                            JsonText.write(json, config), field.id())
                    .chain(() -> bumpAndCompile(session, form.id()))
                    .chain(updated -> {
                        FieldDefinition now = updated.definition().field(key).orElseThrow();
                        // a formula whose result type changed needs a column of the new type; its values are derived
                        boolean retype = type.computed() && !type.columnType(now).equals(oldColumnType);
                        Uni<Void> ddlChange = retype
                                ? NativeSql.update(session, "ALTER TABLE " + form.table() + " DROP COLUMN " + now.column())
                                        .chain(() -> ddl.addColumn(session, updated.definition(), now))
                                : Uni.createFrom().voidItem();
                        return ddlChange.chain(() -> ddl.uniqueIndex(session, updated.definition(), now))
                                .chain(() -> type.computed() ? recompute.all(session, updated, caller.id(), "schema")
                                : Uni.createFrom().voidItem()).replaceWith(updated.definition());
                    })
                    .call(updated -> audit.record(session, caller.id(), "form.field.change", "form", Long.toString(form.id()),
                            Map.of("key", key, "label", label)));
        }));
    }

    public Uni<FormDefinition> reorder(Caller caller, String ref, List<String> keys) {
        requireBuilder(caller);
        return sessions.withTransaction(session -> forms.load(session, ref).chain(form -> {
            List<String> live = form.fields().stream().map(FieldDefinition::key).toList();
            if (keys == null || keys.size() != live.size() || !new HashSet<>(keys).equals(new HashSet<>(live))) {
                throw Problem.invalid(List.of(new FieldProblem("keys", "form.field.order-incomplete", String.join(", ", live))));
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int i = 0; i < keys.size(); i++) {
                long id = form.field(keys.get(i)).orElseThrow().id();
                int position = i;
                chain = chain.chain(() -> NativeSql.update(session, "UPDATE form_field SET position = ?1 WHERE id = ?2", position, id)
                        .replaceWithVoid());
            }
            return chain.chain(v -> bumpAndCompile(session, form.id())).map(c -> c.definition())
                    .call(updated -> audit.record(session, caller.id(), "form.field.reorder", "form", Long.toString(form.id()),
                            Map.of("keys", keys)));
        }));
    }

    /** Moves a field to the trash; refused while a formula, the tier model or the approval still uses it. */
    public Uni<FormDefinition> delete(Caller caller, String ref, String key) {
        requireBuilder(caller);
        return sessions.withTransaction(session -> forms.load(session, ref).chain(form -> {
            FieldDefinition field = live(form, key);
            List<String> users = dependents(form, field);
            if (!users.isEmpty()) {
                throw Problem.conflict("form.field.in-use", key, String.join(", ", users));
            }
            return NativeSql.update(session, "UPDATE form_field SET deleted_at = now() WHERE id = ?1", field.id())
                    .chain(n -> bumpAndCompile(session, form.id())).map(c -> c.definition())
                    .call(() -> audit.record(session, caller.id(), "form.field.delete", "form", Long.toString(form.id()),
                            Map.of("key", key)));
        }));
    }

    public Uni<List<FieldDefinition>> trash(String ref) {
        return sessions.withSession(session -> forms.load(session, ref).chain(form -> forms.trashedFields(session, form.id())));
    }

    /** Brings a field back from the trash with every value it had. */
    public Uni<FormDefinition> restore(Caller caller, String ref, String key) {
        requireBuilder(caller);
        return sessions.withTransaction(session -> forms.load(session, ref).chain(form -> forms.trashedFields(session, form.id())
                .chain(trashed -> {
                    FieldDefinition field = trashed.stream().filter(f -> f.key().equals(key)).findFirst()
                            .orElseThrow(() -> Problem.notFound("form.field.not-in-trash", key));
                    return NativeSql.update(session, "UPDATE form_field SET deleted_at = NULL WHERE id = ?1", field.id())
                            .chain(n -> bumpAndCompile(session, form.id())).map(c -> c.definition())
                            .call(() -> audit.record(session, caller.id(), "form.field.restore", "form",
                                    Long.toString(form.id()), Map.of("key", key)));
                })));
    }

    public Uni<TypeChange.Preview> preview(Caller caller, String ref, String key, TypeChange change) {
        requireBuilder(caller);
        return sessions.withSession(session -> forms.load(session, ref).chain(form -> {
            FieldDefinition from = live(form, key);
            FieldDefinition to = target(from, change);
            return conversions(session, form, from, to).map(c -> c.preview);
        }));
    }

    /**
     * Converts the field to the new type after a preview. The old column is kept as {@code f_<id>_was_<revision>}
     * with every original value, so values that did not convert are not lost.
     */
    public Uni<FormDefinition> changeType(Caller caller, String ref, String key, TypeChange change) {
        requireBuilder(caller);
        if (!Boolean.TRUE.equals(change.confirm())) {
            throw Problem.invalid(List.of(new FieldProblem("confirm", "form.type-change.confirm")));
        }
        return sessions.withTransaction(session -> forms.load(session, ref).chain(form -> {
            FieldDefinition from = live(form, key);
            FieldDefinition to = target(from, change);
            String backup = from.column() + "_was_" + form.revision();
            return conversions(session, form, from, to).chain(c -> NativeSql.update(session,
                            "DROP INDEX IF EXISTS " + form.table() + "_" + from.column() + "_trgm")
                    .chain(() -> NativeSql.update(session, "ALTER TABLE " + form.table() + " RENAME COLUMN " + from.column()
                            + " TO " + backup))
                    .chain(() -> NativeSql.update(session, "UPDATE form_field SET type = ?1, config = " + NativeSql.jsonParam(2)
                            + " WHERE id = ?3", to.type(), JsonText.write(json, to.config()), to.id()))
                    .chain(() -> ddl.addColumn(session, form, to))
                    .chain(() -> fill(session, form, to, c.converted))
                    .chain(() -> bumpAndCompile(session, form.id()))
                    .call(compiled -> dependsOn(compiled, to) ? recompute.all(session, compiled, caller.id(), "schema")
                            : Uni.createFrom().voidItem())
                    .call(() -> audit.record(session, caller.id(), "form.field.type", "form", Long.toString(form.id()),
                            Map.of("key", key, "from", from.type(), "to", to.type(), "converted", c.preview.convertible(),
                                    "failed", c.preview.failing(), "backupColumn", backup)))
                    .map(CompiledForm::definition));
        }));
    }

    private record Conversion(TypeChange.Preview preview, Map<Long, Object> converted) {
    }

    private Uni<Conversion> conversions(Mutiny.Session session, FormDefinition form, FieldDefinition from, FieldDefinition to) {
        FieldType source = types.get(from.type());
        FieldType target = types.get(to.type());
        return NativeSql.texts(session, "SELECT json_build_array(r.id, to_jsonb(r." + from.column() + "))::text FROM "
                + form.table() + " r ORDER BY r.id").map(rows -> {
                    long empty = 0;
                    List<TypeChange.Failure> examples = new ArrayList<>();
                    long failing = 0;
                    Map<Long, Object> converted = new LinkedHashMap<>();
                    for (String row : rows) {
                        JsonNode pair = JsonText.read(json, row);
                        long id = pair.get(0).asLong();
                        JsonNode stored = pair.get(1);
                        if (stored == null || stored.isNull()) {
                            empty++;
                            continue;
                        }
                        Object value = source.read(from, stored);
                        String text = conversionText(source, from, value);
                        try {
                            Object out = target.parse(to, TextNode.valueOf(text));
                            converted.put(id, out);
                        } catch (FieldValueException e) {
                            failing++;
                            if (examples.size() < MAX_EXAMPLES) {
                                examples.add(new TypeChange.Failure(id, text, e.code(), e.args()));
                            }
                        }
                    }
                    TypeChange.Preview preview = new TypeChange.Preview(rows.size(), empty, converted.size(), failing, examples);
                    return new Conversion(preview, converted);
                });
    }

    /** The value as a person would type it, which every type can read back: labels for options, plain numbers. */
    private static String conversionText(FieldType source, FieldDefinition field, Object value) {
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(v -> source.display(field, List.of(v))).toList());
        }
        if (value instanceof BigDecimal n) {
            return n.toPlainString();
        }
        String shown = source.display(field, value);
        return value instanceof String && shown != null ? shown : String.valueOf(value);
    }

    private Uni<Void> fill(Mutiny.Session session, FormDefinition form, FieldDefinition to, Map<Long, Object> converted) {
        List<Map<String, Object>> batch = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<Long, Object> e : converted.entrySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", e.getKey());
            row.put(to.column(), e.getValue());
            batch.add(row);
            if (batch.size() == 1000) {
                chain = chain.chain(fillBatch(session, form, to, List.copyOf(batch)));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            chain = chain.chain(fillBatch(session, form, to, List.copyOf(batch)));
        }
        return chain;
    }

    private java.util.function.Supplier<Uni<? extends Void>> fillBatch(Mutiny.Session session, FormDefinition form,
            FieldDefinition to, List<Map<String, Object>> rows) {
        return () -> NativeSql.update(session, "UPDATE " + form.table() + " r SET " + to.column() + " = p." + to.column()
                + " FROM jsonb_populate_recordset(NULL::" + form.table() + ", " + NativeSql.jsonParam(1) + ") p WHERE r.id = p.id",
                JsonText.write(json, rows)).replaceWithVoid();
    }

    private FieldDefinition target(FieldDefinition from, TypeChange change) {
        FieldType source = types.get(from.type());
        FieldType target = change == null || change.type() == null ? null : types.find(change.type()).orElse(null);
        if (target == null) {
            throw Problem.invalid(List.of(new FieldProblem("type", "form.field.unknown-type", String.valueOf(change == null ? null : change.type()),
                    String.join(", ", types.all().stream().map(FieldType::id).toList()))));
        }
        if (source.computed() || target.computed()) {
            throw Problem.invalid(List.of(new FieldProblem("type", "form.type-change.computed")));
        }
        JsonNode config = change.config() == null ? JsonNodeFactory.instance.objectNode() : change.config();
        if (!config.isObject()) {
            throw Problem.invalid(List.of(new FieldProblem("config", "form.field.config-not-object")));
        }
        FieldDefinition to = new FieldDefinition(from.id(), from.key(), from.label(), target.id(), from.required(),
                ((ObjectNode) config).deepCopy(), from.position());
        List<FieldProblem> problems = target.checkConfig(to, "field");
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        return to;
    }

    /** A new revision, compiled: a formula that no longer compiles rolls the whole change back. */
    private Uni<CompiledForm> bumpAndCompile(Mutiny.Session session, long formId) {
        return NativeSql.update(session, "UPDATE form SET revision = revision + 1 WHERE id = ?1", formId)
                .chain(() -> forms.load(session, formId))
                .call(form -> relations.resolve(session, form, "fields"))
                .chain(form -> forms.load(session, formId))
                .map(form -> compiler.compile(form, "fields"))
                .call(compiled -> forms.storeResultTypes(session, compiled))
                .chain(compiled -> forms.load(session, formId)).map(form -> compiler.compile(form, "fields"));
    }

    private static boolean dependsOn(CompiledForm form, FieldDefinition field) {
        return form.formulas().stream().anyMatch(c -> c.formula().fieldIds().contains(field.id()))
                || form.tierModel().fieldIds().contains(field.id());
    }

    private List<String> dependents(FormDefinition form, FieldDefinition field) {
        CompiledForm compiled = compiler.compiled(form);
        List<String> users = new ArrayList<>();
        compiled.formulas().stream().filter(c -> c.formula().fieldIds().contains(field.id()))
                .forEach(c -> users.add(c.field().key()));
        if (compiled.tierModel().fieldIds().contains(field.id())) {
            users.add("tierModel");
        }
        if (form.approval() != null && field.key().equals(form.approval().statusField())) {
            users.add("approval");
        }
        return users;
    }

    private static FieldDefinition live(FormDefinition form, String key) {
        return form.field(key).orElseThrow(() -> Problem.notFound("form.field.not-found", key));
    }

    private static void requireBuilder(Caller caller) {
        if (caller.role() == Role.SALES) {
            throw Problem.forbidden("form.builder-only");
        }
    }
}
