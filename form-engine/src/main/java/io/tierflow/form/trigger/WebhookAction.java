package io.tierflow.form.trigger;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.journal.EffectJournal;
import io.tierflow.core.webhook.WebhookConsumer;
import io.tierflow.form.model.FormDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * {@code {"type":"webhook","url":"https://crm.example.com/hook","secret":"…"}}: posts the record to the URL,
 * signed, retried with backoff by the journal.
 */
@ApplicationScoped
public class WebhookAction implements TriggerAction {

    @Inject
    EffectJournal journal;

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public List<FieldProblem> check(FormDefinition form, Map<String, Object> params, String path) {
        try {
            URI uri = URI.create(String.valueOf(params.get("url")));
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return List.of(new FieldProblem(path + ".url", "form.value.not-url"));
            }
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(new FieldProblem(path + ".url", "form.value.not-url"));
        }
    }

    @Override
    public Uni<Void> enqueue(Mutiny.Session session, Firing firing, Map<String, Object> params, int index) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", firing.rule().when());
        body.put("rule", firing.rule().id());
        body.put("form", firing.form().key());
        body.put("recordId", firing.record().id());
        body.put("tier", firing.record().tier());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("url", params.get("url"));
        payload.put("secret", params.getOrDefault("secret", ""));
        payload.put("body", body);
        return journal.enqueue(session, WebhookConsumer.KIND, firing.dedupe() + ":" + index, payload);
    }
}
