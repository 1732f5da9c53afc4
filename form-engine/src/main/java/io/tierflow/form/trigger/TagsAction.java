package io.tierflow.form.trigger;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.journal.EffectJournal;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.record.RecordUpdateConsumer;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/** Adds or removes the record's {@code tags} (1–20 names of at most 64 characters), through the journal. */
abstract class TagsAction implements TriggerAction {

    static final int MAX = 20;

    @Inject
    EffectJournal journal;

    /** The payload entry of the record update: {@code addTags} or {@code removeTags}. */
    abstract String payloadKey();

    @Override
    public List<FieldProblem> check(FormDefinition form, Map<String, Object> params, String path) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!(params.get("tags") instanceof List<?> tags) || tags.isEmpty() || tags.size() > MAX
                || tags.stream().anyMatch(t -> !(t instanceof String s) || s.isBlank() || s.length() > 64)) {
            problems.add(new FieldProblem(path + ".tags", "form.trigger.tags", MAX));
        }
        return problems;
    }

    @Override
    public Uni<Void> enqueue(Mutiny.Session session, Firing firing, Map<String, Object> params, int index) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("formId", firing.form().id());
        payload.put("recordId", firing.record().id());
        payload.put(payloadKey(), params.get("tags"));
        payload.put("cause", firing.cause());
        return journal.enqueue(session, RecordUpdateConsumer.KIND, firing.dedupe() + ":" + index, payload);
    }
}
