package io.tierflow.form.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.error.Problem;
import io.tierflow.form.model.ApprovalBinding;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.FormPermissions;
import io.tierflow.form.type.FormulaFieldType;
import java.util.Map;
import io.tierflow.rule.tier.TierModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** Reads form definitions. {@code ref} is a form's key or its numeric id, as in the REST paths. */
@ApplicationScoped
public class FormRepository {

    /** The live fields of form {@code <alias>} as a JSON array, in display order. */
    private static String fieldsOf(String form) {
        return "(SELECT coalesce(json_agg(json_build_object('id', x.id, 'key', x.key, 'label', x.label, 'type', x.type,"
                + "   'required', x.required, 'config', x.config, 'position', x.position) ORDER BY x.position, x.id), '[]')"
                + "  FROM form_field x WHERE x.form_id = " + form + ".id AND x.deleted_at IS NULL)";
    }

    /** The forms related to form {@code f} either way: targets of its relations, and forms whose relations point at it. */
    private static final String RELATED = "(SELECT coalesce(json_agg(json_build_object('id', o.id, 'key', o.key,"
            + " 'revision', o.revision, 'fields', " + fieldsOf("o") + ") ORDER BY o.id), '[]') FROM form o"
            + " WHERE o.deleted_at IS NULL AND (o.key IN (SELECT r.config->>'form' FROM form_field r WHERE r.form_id = f.id"
            + " AND r.type = 'relation' AND r.deleted_at IS NULL) OR EXISTS (SELECT 1 FROM form_field c WHERE c.form_id = o.id"
            + " AND c.type = 'relation' AND c.deleted_at IS NULL AND c.config->>'form' = f.key)))";

    private static final String SELECT = "SELECT json_build_object('id', f.id, 'key', f.key, 'name', f.name,"
            + " 'revision', f.revision, 'tierModel', f.tier_model, 'approval', f.approval, 'permissions', f.permissions, 'triggers', f.triggers, 'layout', f.layout, 'ruleVersion', f.rule_version, 'fields', "
            + fieldsOf("f") + ", 'related', " + RELATED + ")::text FROM form f WHERE f.deleted_at IS NULL";

    private static final com.fasterxml.jackson.core.type.TypeReference<java.util.Map<io.tierflow.core.identity.Role, io.tierflow.form.model.RoleAccess>> ROLES =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };

    private static final com.fasterxml.jackson.core.type.TypeReference<List<io.tierflow.form.trigger.TriggerRule>> TRIGGERS =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };

    @Inject
    ObjectMapper json;

    public Uni<FormDefinition> load(Mutiny.Session session, String ref) {
        Uni<String> row = isId(ref)
                ? NativeSql.text(session, SELECT + " AND f.id = ?1", Long.parseLong(ref))
                : NativeSql.text(session, SELECT + " AND f.key = ?1", ref);
        return row.map(text -> {
            if (text == null) {
                throw Problem.notFound("form.not-found", ref);
            }
            return parse(text);
        });
    }

    public Uni<FormDefinition> load(Mutiny.Session session, long id) {
        return load(session, Long.toString(id));
    }

    /** The form's fields in the trash, newest first; their columns and values are still in the table. */
    public Uni<List<FieldDefinition>> trashedFields(Mutiny.Session session, long formId) {
        return NativeSql.texts(session, "SELECT json_build_object('id', x.id, 'key', x.key, 'label', x.label, 'type', x.type,"
                + " 'required', x.required, 'config', x.config, 'position', x.position)::text FROM form_field x"
                + " WHERE x.form_id = ?1 AND x.deleted_at IS NOT NULL ORDER BY x.deleted_at DESC", formId)
                .map(rows -> rows.stream().map(this::field).toList());
    }

    /** Forms in the trash, with their fields and records, restorable. */
    public Uni<List<FormDefinition>> trashedForms(Mutiny.Session session) {
        return NativeSql.texts(session, SELECT.replace("WHERE f.deleted_at IS NULL", "WHERE f.deleted_at IS NOT NULL")
                + " ORDER BY f.deleted_at DESC").map(rows -> rows.stream().map(this::parse).toList());
    }

    public Uni<List<FormDefinition>> list(Mutiny.Session session) {
        return NativeSql.texts(session, SELECT + " ORDER BY f.id").map(rows -> rows.stream().map(this::parse).toList());
    }

    private static boolean isId(String ref) {
        return ref != null && !ref.isEmpty() && ref.length() < 19 && ref.chars().allMatch(Character::isDigit);
    }

    private FieldDefinition field(String text) {
        try {
            return field(json.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable field definition", e);
        }
    }

    private static FieldDefinition field(JsonNode f) {
        return new FieldDefinition(f.get("id").asLong(), f.get("key").asText(), f.get("label").asText(),
                f.get("type").asText(), f.get("required").asBoolean(), f.get("config"), f.get("position").asInt());
    }

    FormDefinition parse(String text) {
        try {
            JsonNode n = json.readTree(text);
            List<FieldDefinition> fields = new ArrayList<>();
            for (JsonNode f : n.get("fields")) {
                fields.add(field(f));
            }
            TierModel tierModel = json.treeToValue(n.get("tierModel"), TierModel.class);
            JsonNode approval = n.get("approval");
            JsonNode permissions = n.get("permissions");
            return new FormDefinition(n.get("id").asLong(), n.get("key").asText(), n.get("name").asText(),
                    n.get("revision").asLong(), fields, tierModel,
                    approval == null || approval.isNull() ? null : json.treeToValue(approval, ApprovalBinding.class),
                    permissions == null || permissions.isNull() ? null
                            : new FormPermissions(json.convertValue(permissions, ROLES)),
                    json.convertValue(n.get("triggers"), TRIGGERS),
                    n.hasNonNull("layout") ? json.treeToValue(n.get("layout"), io.tierflow.form.model.FormLayout.class) : null,
                    n.path("ruleVersion").asInt(0), related(n.get("related")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable form definition", e);
        }
    }

    private static List<io.tierflow.form.model.RelatedForm> related(JsonNode forms) {
        List<io.tierflow.form.model.RelatedForm> related = new ArrayList<>();
        if (forms != null) {
            for (JsonNode o : forms) {
                List<FieldDefinition> fields = new ArrayList<>();
                o.get("fields").forEach(f -> fields.add(field(f)));
                related.add(new io.tierflow.form.model.RelatedForm(o.get("id").asLong(), o.get("key").asText(),
                        o.get("revision").asLong(), fields));
            }
        }
        return related;
    }

    /** Formula columns are typed by what their formula returns, known only once the form compiles. */
    public Uni<Void> storeResultTypes(Mutiny.Session session, CompiledForm compiled) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<Long, String> e : FormCompiler.resultTypes(compiled).entrySet()) {
            chain = chain.chain(() -> NativeSql.update(session, "UPDATE form_field SET config = jsonb_set(config, '{"
                    + FormulaFieldType.RESULT_TYPE + "}', to_jsonb(CAST(?1 AS text))) WHERE id = ?2", e.getValue(), e.getKey()))
                    .replaceWithVoid();
        }
        return chain;
    }
}
