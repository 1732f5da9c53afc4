package io.tierflow.form.trigger;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.journal.EffectJournal;
import io.tierflow.form.model.FormDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/** {@code {"type":"set_fields","values":{"stage":"key_account"}}}: writes fields of the record, through the journal. */
@ApplicationScoped
public class SetFieldsAction implements TriggerAction {

    @Inject
    EffectJournal journal;

    @Override
    public String type() {
        return "set_fields";
    }

    @Override
    public List<FieldProblem> check(FormDefinition form, Map<String, Object> params, String path) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!(params.get("values") instanceof Map<?, ?> values) || values.isEmpty()) {
            problems.add(new FieldProblem(path + ".values", "form.trigger.values-required"));
            return problems;
        }
        values.keySet().forEach(k -> {
            if (form.field(String.valueOf(k)).isEmpty()) {
                problems.add(new FieldProblem(path + ".values." + k, "form.value.unknown-field", k));
            }
        });
        return problems;
    }

    @Override
    public Uni<Void> enqueue(Mutiny.Session session, Firing firing, Map<String, Object> params, int index) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("formId", firing.form().id());
        payload.put("recordId", firing.record().id());
        payload.put("values", params.get("values"));
        payload.put("cause", firing.cause());
        return journal.enqueue(session, "record.update", firing.dedupe() + ":" + index, payload);
    }
}
