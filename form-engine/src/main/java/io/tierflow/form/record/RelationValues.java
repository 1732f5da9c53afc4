package io.tierflow.form.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.JsonText;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.db.OrdinalParams;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.schema.FormRepository;
import io.tierflow.form.type.FieldType;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.form.type.LookupFieldType;
import io.tierflow.form.type.RelationFieldType;
import io.tierflow.form.type.RollupFieldType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The values that come from other records: checks that linked records exist and are visible to the writer,
 * and computes lookups (the linked record's field) and rollups (aggregates over the records linking here)
 * before formulas run, so formulas and the tier model can use them.
 */
@ApplicationScoped
public class RelationValues {

    private static final io.tierflow.form.model.RoleAccess EVERYTHING = new io.tierflow.form.model.RoleAccess(
            Set.copyOf(io.tierflow.form.model.RoleAccess.ACTIONS), "all", Map.of());

    @Inject
    FormRepository forms;

    @Inject
    FieldTypes types;

    @Inject
    ObjectMapper json;

    @Inject
    io.tierflow.form.attachment.AttachmentLinks attachments;

    /**
     * Refuses links to records that do not exist, are in the trash or that the caller may not see, and files the
     * caller did not upload to this field ({@code AttachmentLinks}).
     */
    public Uni<Void> checkLinks(Mutiny.Session session, FormDefinition form, Map<Long, Object> patch, Caller caller) {
        List<FieldProblem> problems = new ArrayList<>();
        Uni<Void> chain = attachments.check(session, form, patch, caller, problems);
        for (FieldDefinition f : form.fields()) {
            Object value = patch.get(f.id());
            if (value != null && types.get(f.type()) instanceof io.tierflow.form.type.MemberFieldType member) {
                // a member is a user, a team field a team: both must exist
                String table = member instanceof io.tierflow.form.type.TeamFieldType ? "team" : "app_user";
                chain = chain.chain(() -> NativeSql.number(session, "SELECT count(*) FROM " + table + " WHERE id = ?1", value)
                        .invoke(found -> {
                            if (found == 0) {
                                problems.add(new FieldProblem("values." + f.key(), "form.member.not-found"));
                            }
                        }).replaceWithVoid());
                continue;
            }
            if (value == null || !(types.get(f.type()) instanceof RelationFieldType)) {
                continue;
            }
            List<Long> ids = ids(value);
            chain = chain.chain(() -> target(session, form, f).chain(target -> {
                OrdinalParams params = new OrdinalParams();
                String list = params.bindJson(JsonText.write(json, ids));
                RowScope scope = RowScope.of(caller, target, "r", params.next());
                params.addAll(scope.params());
                return NativeSql.number(session, "SELECT count(*) FROM " + target.table() + " r WHERE r.deleted_at IS NULL"
                        + " AND r.id IN (SELECT CAST(jsonb_array_elements_text(" + list + ") AS bigint)) AND " + scope.sql(),
                        params.toArray()).invoke(found -> {
                            if (found != ids.size()) {
                                problems.add(new FieldProblem("values." + f.key(), "form.relation.not-found"));
                            }
                        }).replaceWithVoid();
            }));
        }
        return chain.invoke(() -> {
            if (!problems.isEmpty()) {
                throw Problem.invalid(problems);
            }
        });
    }

    /** Puts every lookup and rollup value of the record into {@code values}; {@code recordId} is null for a new one. */
    public Uni<Void> fill(Mutiny.Session session, FormDefinition form, Map<Long, Object> values, Long recordId) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (FieldDefinition f : form.fields()) {
            FieldType type = types.get(f.type());
            if (type instanceof LookupFieldType) {
                chain = chain.chain(() -> lookup(session, form, f, values).invoke(v -> values.put(f.id(), v)).replaceWithVoid());
            } else if (type instanceof RollupFieldType) {
                chain = chain.chain(() -> rollup(session, form, f, recordId).invoke(v -> values.put(f.id(), v)).replaceWithVoid());
            }
        }
        return chain;
    }

    private Uni<Object> lookup(Mutiny.Session session, FormDefinition form, FieldDefinition f, Map<Long, Object> values) {
        FieldDefinition relation = form.field(f.configText(LookupFieldType.RELATION)).orElse(null);
        Object link = relation == null ? null : values.get(relation.id());
        if (!(link instanceof Long id)) {
            return Uni.createFrom().nullItem();
        }
        return target(session, form, relation).chain(target -> {
            FieldDefinition field = target.field(f.configText(LookupFieldType.FIELD)).orElse(null);
            if (field == null) {
                return Uni.createFrom().nullItem();
            }
            return NativeSql.text(session, "SELECT to_jsonb(r." + field.column() + ")::text FROM " + target.table()
                    + " r WHERE r.id = ?1 AND r.deleted_at IS NULL", id)
                    .map(text -> text == null ? null : formulaReady(types.get(field.type()).formulaValue(field,
                            types.get(field.type()).read(field, JsonText.read(json, text)))));
        });
    }

    private Uni<Object> rollup(Mutiny.Session session, FormDefinition form, FieldDefinition f, Long recordId) {
        String function = RollupFieldType.function(f);
        if (recordId == null) {
            return Uni.createFrom().item(function.equals("count") || function.equals("sum") ? BigDecimal.ZERO : null);
        }
        return forms.load(session, f.configText(RollupFieldType.FORM)).chain(child -> {
            FieldDefinition relation = child.field(f.configText(RollupFieldType.RELATION)).orElse(null);
            FieldDefinition field = child.field(f.configText(RollupFieldType.FIELD) == null ? "" : f.configText(RollupFieldType.FIELD))
                    .orElse(null);
            if (relation == null || (field == null && !function.equals("count"))) {
                return Uni.createFrom().nullItem();
            }
            OrdinalParams params = new OrdinalParams();
            String link = RelationFieldType.multiple(relation)
                    ? params.bind(recordId) + " = ANY(r." + relation.column() + ")"
                    : "r." + relation.column() + " = " + params.bind(recordId);
            String filter = RecordFilter.where(child, new RecordColumns(child, types, EVERYTHING),
                    f.config().get(RollupFieldType.FILTER), params);
            // a field whose formulas read something else than its column (a sub-table's row count, a region's code)
            // is aggregated as formulas read it
            String formulaRead = field == null ? null : types.get(field.type()).formulaSql(field, "r." + field.column());
            String col = field == null ? null : formulaRead != null ? formulaRead : "r." + field.column();
            String aggregate = switch (function) {
                case "sum" -> "coalesce(sum(" + col + "), 0)";
                case "avg" -> "avg(" + col + ")";
                case "min" -> "min(" + col + ")";
                case "max" -> "max(" + col + ")";
                case "latest" -> "(array_agg(" + col + " ORDER BY r.created_at DESC, r.id DESC))[1]";
                default -> "count(*)";
            };
            return NativeSql.text(session, "SELECT to_jsonb(" + aggregate + ")::text FROM " + child.table() + " r"
                    + " WHERE r.deleted_at IS NULL AND " + link + " AND " + filter, params.toArray())
                    .map(text -> {
                        if (text == null || text.equals("null")) {
                            return null;
                        }
                        JsonNode value = JsonText.read(json, text);
                        return switch (function) {
                            case "count", "sum", "avg" -> value.decimalValue();
                            default -> formulaRead != null ? (value.isNumber() ? value.decimalValue() : value.asText())
                                    : formulaReady(types.get(field.type()).formulaValue(field, types.get(field.type()).read(field, value)));
                        };
                    });
        });
    }

    /** A rollup or lookup column holds what a formula reads: plain text, number, boolean or date. */
    private static Object formulaReady(Object value) {
        return value instanceof List<?> list ? String.join(",", list.stream().map(Object::toString).toList()) : value;
    }

    private Uni<FormDefinition> target(Mutiny.Session session, FormDefinition form, FieldDefinition relation) {
        String key = RelationFieldType.targetForm(relation);
        return key.equals(form.key()) ? Uni.createFrom().item(form) : forms.load(session, key);
    }

    /** The ids a relation value holds. */
    public static List<Long> ids(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(v -> ((Number) v).longValue()).toList();
        }
        return value instanceof Number n ? List.of(n.longValue()) : List.of();
    }
}
