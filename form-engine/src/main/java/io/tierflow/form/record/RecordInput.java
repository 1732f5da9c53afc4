package io.tierflow.form.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.type.FieldType;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.form.type.FieldValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns a caller's {@code values} object into Java values by field id, checking every field; all bad values
 * are reported together, each under its own path {@code values.<key>}.
 */
@ApplicationScoped
public class RecordInput {

    private static final String REQUIRED = "form.value.required";

    @Inject
    FieldTypes types;

    /**
     * @param creating on create every required field must be present; on update only the given ones are checked
     */
    public Map<Long, Object> parse(FormDefinition form, JsonNode values, boolean creating) {
        return parse(form, values, creating, null);
    }

    /** @param access the caller's access: hidden fields do not exist for them, read-only ones refuse writes */
    public Map<Long, Object> parse(FormDefinition form, JsonNode values, boolean creating, RoleAccess access) {
        return parse(form, values, creating, access, parsed -> java.util.Set.of());
    }

    /**
     * @param conditionallyHidden the ids of the fields the parsed values hide ({@code visibleWhen}): they are not
     *                            required
     */
    public Map<Long, Object> parse(FormDefinition form, JsonNode values, boolean creating, RoleAccess access,
            java.util.function.Function<Map<Long, Object>, java.util.Set<Long>> conditionallyHidden) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<Long, Object> parsed = new HashMap<>();
        if (values == null || values.isNull()) {
            values = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!values.isObject()) {
            throw Problem.invalid(List.of(new FieldProblem("values", "form.values.not-an-object")));
        }
        for (Iterator<String> it = values.fieldNames(); it.hasNext();) {
            String key = it.next();
            FieldDefinition field = form.field(key).orElse(null);
            if (field == null || (access != null && access.hidden(key))) {
                problems.add(new FieldProblem("values." + key, "form.value.unknown-field", key));
                continue;
            }
            FieldType type = types.get(field.type());
            if (type.computed()) {
                problems.add(new FieldProblem("values." + key, "form.value.computed", field.label()));
                continue;
            }
            if (access != null && (!access.editable(key) || approvalOutcome(form, key))) {
                problems.add(new FieldProblem("values." + key, "form.value.readonly", field.label()));
                continue;
            }
            try {
                Object value = type.parse(field, values.get(key));
                if (value == null && field.required()) {
                    problems.add(new FieldProblem("values." + key, "form.value.required", field.label()));
                }
                parsed.put(field.id(), value);
            } catch (FieldValueException e) {
                // a value with parts (a sub-table) reports each bad part under its own path: values.items[2].qty
                e.all().forEach(p -> problems.add(new FieldProblem("values." + key + p.path(), p.code(), p.args())));
            }
        }
        if (creating) {
            for (FieldDefinition f : form.fields()) {
                JsonNode fallback = f.config() == null ? null : f.config().get(io.tierflow.form.type.CommonOptions.DEFAULT);
                if (!values.has(f.key()) && fallback != null && !fallback.isNull()) {
                    try {
                        parsed.put(f.id(), types.get(f.type()).parse(f, fallback));
                        continue;
                    } catch (FieldValueException e) {
                        // checked when the field was saved; a default that no longer fits is no default
                    }
                }
                boolean writable = access == null || (access.editable(f.key()) && !approvalOutcome(form, f.key()));
                if (f.required() && writable && !values.has(f.key()) && !types.get(f.type()).computed()) {
                    problems.add(new FieldProblem("values." + f.key(), "form.value.required", f.label()));
                }
            }
        }
        if (problems.stream().anyMatch(p -> REQUIRED.equals(p.code()))) {
            java.util.Set<Long> hidden = conditionallyHidden.apply(parsed);
            problems.removeIf(p -> REQUIRED.equals(p.code()) && form.fields().stream()
                    .anyMatch(f -> hidden.contains(f.id()) && p.field().equals("values." + f.key())));
        }
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        return parsed;
    }

    /** The approval's status field is written by the platform (pending, then the outcome), never by a caller. */
    public static boolean approvalOutcome(FormDefinition form, String key) {
        return form.approval() != null && key.equals(form.approval().statusField());
    }
}
