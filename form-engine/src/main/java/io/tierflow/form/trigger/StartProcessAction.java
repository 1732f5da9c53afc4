package io.tierflow.form.trigger;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.journal.EffectJournal;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.record.RecordWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * {@code {"type":"start_process","process":"tier_approval","statusField":"approval_status"}}: starts a process for
 * the record through the journal, as a tier binding does.
 */
@ApplicationScoped
public class StartProcessAction implements TriggerAction {

    @Inject
    EffectJournal journal;

    @Override
    public String type() {
        return "start_process";
    }

    @Override
    public List<FieldProblem> check(FormDefinition form, Map<String, Object> params, String path) {
        Object status = params.get("statusField");
        if (status != null && form.field(String.valueOf(status)).isEmpty()) {
            return List.of(new FieldProblem(path + ".statusField", "form.value.unknown-field", status));
        }
        return List.of();
    }

    @Override
    public Uni<Void> enqueue(Mutiny.Session session, Firing firing, Map<String, Object> params, int index) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("process", params.getOrDefault("process", "tier_approval"));
        payload.put("formId", firing.form().id());
        payload.put("formKey", firing.form().key());
        payload.put("formName", firing.form().name());
        payload.put("recordId", firing.record().id());
        payload.put("ownerId", firing.record().ownerId());
        payload.put("tier", firing.record().tier() == null ? "" : firing.record().tier());
        payload.put("statusField", params.get("statusField"));
        payload.put("title", firing.title());
        return journal.enqueue(session, RecordWriter.PROCESS_START, firing.dedupe() + ":" + index, payload);
    }
}
