package io.tierflow.form.trigger;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.journal.EffectJournal;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.record.RecordUpdateConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * {@code {"type":"override_tier","tier":"A","days":30,"reason":"…"}}: gives the record {@code tier} instead of the
 * model's for {@code days} days (1–3650), through the journal; the tier history records the change, and when the
 * override expires the model decides again.
 */
@ApplicationScoped
public class OverrideTierAction implements TriggerAction {

    static final int MAX_DAYS = 3650;

    @Inject
    EffectJournal journal;

    @Override
    public String type() {
        return "override_tier";
    }

    @Override
    public List<FieldProblem> check(FormDefinition form, Map<String, Object> params, String path) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!(params.get("tier") instanceof String tier) || tier.isBlank() || tier.length() > 64) {
            problems.add(new FieldProblem(path + ".tier", "form.trigger.override-tier"));
        }
        if (!(params.get("days") instanceof Number days) || days.doubleValue() != Math.rint(days.doubleValue())
                || days.intValue() < 1 || days.intValue() > MAX_DAYS) {
            problems.add(new FieldProblem(path + ".days", "form.trigger.override-days", MAX_DAYS));
        }
        if (params.get("reason") != null && (!(params.get("reason") instanceof String r) || r.length() > 500)) {
            problems.add(new FieldProblem(path + ".reason", "form.trigger.message"));
        }
        return problems;
    }

    @Override
    public Uni<Void> enqueue(Mutiny.Session session, Firing firing, Map<String, Object> params, int index) {
        Map<String, Object> override = new LinkedHashMap<>();
        override.put("tier", params.get("tier"));
        override.put("until", OffsetDateTime.now(ZoneOffset.UTC).plusDays(((Number) params.get("days")).intValue()).toString());
        override.put("reason", params.get("reason") != null ? params.get("reason") : firing.rule().name());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("formId", firing.form().id());
        payload.put("recordId", firing.record().id());
        payload.put("tierOverride", override);
        payload.put("cause", firing.cause());
        return journal.enqueue(session, RecordUpdateConsumer.KIND, firing.dedupe() + ":" + index, payload);
    }
}
