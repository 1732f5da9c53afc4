package io.tierflow.form.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.schema.CompiledForm;
import io.tierflow.form.schema.FormCompiler;
import io.tierflow.form.schema.FormRepository;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.form.type.FieldValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * What a record form shows while someone fills it in, computed by the server from the values typed so far: which
 * fields their {@code visibleWhen} hides, and what data linkage puts into a field. Values are read leniently
 * (a half-typed number is simply not there yet); with a record id they are laid over that record, which the
 * caller must be able to see. Fields the caller's role may not see are neither read from the input nor named in
 * the answer.
 */
@ApplicationScoped
public class LiveFields {

    /** The fields the values hide and those they show, by key, in the form's order. */
    public record Visibility(List<String> hidden, List<String> visible) {
    }

    /** What linkage gives {@code field}: {@code matched} false (and no value) when no visible record matches. */
    public record Linked(String field, boolean matched, Object value) {
    }

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    FormRepository forms;

    @Inject
    FormCompiler compiler;

    @Inject
    FieldTypes types;

    @Inject
    RecordService records;

    @Inject
    FieldVisibility visibility;

    @Inject
    LinkageFill linkage;

    public Uni<Visibility> visibility(Caller caller, String formRef, Long recordId, JsonNode values) {
        return sessions.withSession(session -> forms.load(session, formRef).chain(def -> {
            RoleAccess access = FormAccess.require(caller, def, "view");
            return values(session, caller, def, access, recordId, values).map(merged -> {
                CompiledForm form = compiler.compiled(def);
                var hidden = visibility.hidden(form, merged);
                List<FieldDefinition> seen = def.fields().stream().filter(f -> !access.hidden(f.key())).toList();
                return new Visibility(seen.stream().filter(f -> hidden.contains(f.id())).map(FieldDefinition::key).toList(),
                        seen.stream().filter(f -> !hidden.contains(f.id())).map(FieldDefinition::key).toList());
            });
        }));
    }

    public Uni<Linked> linkage(Caller caller, String formRef, String fieldKey, Long recordId, JsonNode values) {
        return sessions.withSession(session -> forms.load(session, formRef).chain(def -> {
            RoleAccess access = FormAccess.require(caller, def, recordId == null ? "create" : "edit");
            FieldDefinition field = def.field(fieldKey).filter(f -> !access.hidden(f.key()))
                    .orElseThrow(() -> Problem.notFound("form.field.not-found", fieldKey));
            return values(session, caller, def, access, recordId, values)
                    .chain(merged -> linkage.preview(session, caller, def, field, merged))
                    .map(value -> new Linked(fieldKey, value != null, value));
        }));
    }

    /** The keys of the record's fields that hold the value linkage put there (linkage may still change them). */
    public Uni<java.util.Set<String>> linked(Caller caller, String formRef, long recordId) {
        return sessions.withSession(session -> forms.load(session, formRef).chain(def -> {
            RoleAccess access = FormAccess.require(caller, def, "view");
            return records.find(session, def, RowScope.of(caller, def, "r", 2), recordId, false)
                    .chain(current -> linkage.held(session, def, current)).map(held -> {
                        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
                        def.fields().stream().filter(f -> held.containsKey(f.id()) && !access.hidden(f.key()))
                                .forEach(f -> keys.add(f.key()));
                        return keys;
                    });
        }));
    }

    /** The typed values by field id, over the stored record's when there is one. */
    private Uni<Map<Long, Object>> values(Mutiny.Session session, Caller caller, FormDefinition def, RoleAccess access,
            Long recordId, JsonNode values) {
        Map<Long, Object> typed = lenient(def, access, values);
        if (recordId == null) {
            return Uni.createFrom().item(typed);
        }
        return records.find(session, def, RowScope.of(caller, def, "r", 2), recordId, false).map(current -> {
            Map<Long, Object> merged = new HashMap<>(current.values());
            merged.putAll(typed);
            return merged;
        });
    }

    private Map<Long, Object> lenient(FormDefinition def, RoleAccess access, JsonNode values) {
        Map<Long, Object> typed = new HashMap<>();
        if (values == null || !values.isObject()) {
            return typed;
        }
        for (Iterator<String> it = values.fieldNames(); it.hasNext();) {
            String key = it.next();
            FieldDefinition f = def.field(key).orElse(null);
            if (f == null || access.hidden(key) || types.get(f.type()).computed()) {
                continue;
            }
            try {
                typed.put(f.id(), types.get(f.type()).parse(f, values.get(key)));
            } catch (FieldValueException | RuntimeException halfTyped) {
                typed.put(f.id(), null);
            }
        }
        return typed;
    }
}
