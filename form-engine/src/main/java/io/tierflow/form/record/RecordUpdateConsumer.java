package io.tierflow.form.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.Problem;
import io.tierflow.core.journal.Effect;
import io.tierflow.core.journal.EffectConsumer;
import io.tierflow.core.journal.EffectJournal;
import io.tierflow.form.schema.FormCompiler;
import io.tierflow.form.schema.FormRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Applies {@code record.update} effects (e.g. an approval outcome from the flow engine) through the normal
 * write pipeline, claiming and completing the effect in the same transaction as the write.
 * Payload: {@code {"formId":1,"recordId":2,"values":{"approval_status":"approved"},"actorId":3}}, optionally with
 * a tier state change: {@code "tierOverride":{"tier":"A","until":"2026-12-01T00:00:00Z","reason":"…"}},
 * {@code "clearOverride":true}, {@code "addTags":[…]}, {@code "removeTags":[…]}.
 */
@ApplicationScoped
public class RecordUpdateConsumer implements EffectConsumer {

    public static final String KIND = "record.update";
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RecordUpdateConsumer.class);

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    EffectJournal journal;

    @Inject
    FormRepository forms;

    @Inject
    FormCompiler compiler;

    @Inject
    RecordInput input;

    @Inject
    RecordService records;

    @Inject
    RecordWriter writer;

    @Inject
    ObjectMapper json;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean process(long effectId) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> sessions.withTransaction(session -> journal.claim(session, effectId)
                    .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(false)
                            : apply(session, claimed.get()).chain(() -> journal.markDone(session, effectId)).replaceWith(true))));
        } catch (Exception e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private TierState.Change stateChange(Effect effect) {
        JsonNode p = json.valueToTree(effect.payload());
        io.tierflow.form.model.TierOverride override = null;
        JsonNode o = p.get("tierOverride");
        if (o != null && o.hasNonNull("tier")) {
            override = new io.tierflow.form.model.TierOverride(o.get("tier").asText(),
                    o.hasNonNull("until") ? java.time.OffsetDateTime.parse(o.get("until").asText()) : null,
                    o.hasNonNull("reason") ? o.get("reason").asText() : null);
        }
        return new TierState.Change(override, p.path("clearOverride").asBoolean(false), texts(p.get("addTags")),
                texts(p.get("removeTags")));
    }

    private static java.util.List<String> texts(JsonNode n) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(t -> out.add(t.asText()));
        }
        return out;
    }

    private Uni<Void> apply(Mutiny.Session session, Effect effect) {
        long recordId = effect.number("recordId");
        Long actorId = effect.payload().get("actorId") == null ? null : effect.number("actorId");
        JsonNode values = json.valueToTree(effect.payload().getOrDefault("values", Map.of()));
        return forms.load(session, effect.number("formId")).chain(def -> {
            Map<Long, Object> patch = input.parse(def, values, false);
            return records.find(session, def, RowScope.all(), recordId, true)
                    .chain(current -> writer.update(session, compiler.compiled(def), actorId, current, patch,
                            effect.payload().get("cause") == null ? KIND : effect.text("cause"), stateChange(effect)))
                    .replaceWithVoid();
        }).onFailure(f -> f instanceof Problem p && p.status() < 500).recoverWithUni(f -> {
            // the record or form is gone, or the value no longer fits: nothing is left to apply, so it is done
            LOG.warnf("effect %d not applied: %s", effect.id(), ((Problem) f).code());
            return Uni.createFrom().voidItem();
        });
    }
}
