package io.tierflow.form.trigger;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.identity.Role;
import io.tierflow.core.journal.EffectJournal;
import io.tierflow.core.notify.NotificationConsumer;
import io.tierflow.form.model.FormDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * {@code {"type":"notify","to":"owner"|"manager"|"ADMIN","message":"…"}}: a notification in the inbox of the
 * record's owner, the owner's manager or everyone with a role.
 */
@ApplicationScoped
public class NotifyAction implements TriggerAction {

    @Inject
    EffectJournal journal;

    @Override
    public String type() {
        return "notify";
    }

    @Override
    public List<FieldProblem> check(FormDefinition form, Map<String, Object> params, String path) {
        Object to = params.get("to");
        boolean known = "owner".equals(to) || "manager".equals(to)
                || java.util.Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(to));
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (!known) {
            problems.add(new FieldProblem(path + ".to", "form.trigger.recipient"));
        }
        Object message = params.get("message");
        if (message == null || String.valueOf(message).isBlank() || String.valueOf(message).length() > 500) {
            problems.add(new FieldProblem(path + ".message", "form.trigger.message"));
        }
        return problems;
    }

    @Override
    public Uni<Void> enqueue(Mutiny.Session session, Firing firing, Map<String, Object> params, int index) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("to", params.get("to"));
        payload.put("ownerId", firing.record().ownerId());
        payload.put("title", firing.title());
        payload.put("message", params.get("message"));
        payload.put("link", "/forms/" + firing.form().key() + "/records/" + firing.record().id());
        return journal.enqueue(session, NotificationConsumer.KIND, firing.dedupe() + ":" + index, payload);
    }
}
