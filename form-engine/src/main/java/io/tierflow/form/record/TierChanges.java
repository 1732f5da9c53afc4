package io.tierflow.form.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.JsonText;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.journal.EffectJournal;
import io.tierflow.form.model.ApprovalBinding;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.schema.CompiledForm;
import io.tierflow.form.type.SingleSelectFieldType;
import io.tierflow.rule.tier.TierDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * What a tier change leaves behind, for one record write ({@link RecordWriter}) and for a batch of set-based
 * re-tiering after a rule publish alike: one {@code tier_history} row per change with the rule version and the
 * explanation, and for each record that enters a tier bound to an approval the effect that starts it. The
 * effect's dedupe key is the history row's id, so each change starts its approval exactly once.
 */
@ApplicationScoped
public class TierChanges {

    /** The value the approval's status field shows while an approval runs. */
    public static final String PENDING = "pending";

    /** One record's tier change: {@code record} as saved (with its new tier), the tier it had before, and why. */
    public record Change(StoredRecord record, String from, TierDecision decision) {
    }

    @Inject
    EffectJournal journal;

    @Inject
    RecordRows rows;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    /**
     * Writes the history of {@code changes} (one statement for all of them) and enqueues their approvals, in the
     * caller's transaction. The rule version is the one {@code form} was compiled from.
     *
     * @return how many approvals were enqueued
     */
    public Uni<Integer> record(Mutiny.Session session, CompiledForm form, List<Change> changes, Long actorId, String cause) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        FormDefinition def = form.definition();
        List<Map<String, Object>> lines = new ArrayList<>(changes.size());
        for (Change c : changes) {
            Map<String, Object> explanation = new LinkedHashMap<>();
            explanation.put("ruleVersion", def.ruleVersion());
            explanation.put("steps", c.decision().explanation());
            if (!c.decision().scores().isEmpty()) {
                explanation.put("scores", c.decision().scores());
            }
            Map<String, Object> line = new HashMap<>();
            line.put("record_id", c.record().id());
            line.put("from_tier", c.from());
            line.put("to_tier", c.decision().tier());
            line.put("explanation", explanation);
            line.put("n", lines.size());
            lines.add(line);
        }
        // n keeps the ids in the order of the changes; RETURNING pairs each id with its record
        String sql = "INSERT INTO tier_history (form_id, record_id, from_tier, to_tier, cause, actor_id, rule_version,"
                + " explanation) SELECT ?1, x.record_id, x.from_tier, x.to_tier, ?2, NULLIF(?3, 0), NULLIF(?4, 0), x.explanation"
                + " FROM jsonb_to_recordset(" + NativeSql.jsonParam(5) + ") AS x(record_id bigint, from_tier text,"
                + " to_tier text, explanation jsonb, n integer) ORDER BY x.n RETURNING json_build_object('id', id, 'record', record_id)::text";
        return NativeSql.texts(session, sql, def.id(), cause, actorId == null ? 0L : actorId, def.ruleVersion(),
                        JsonText.write(json, lines))
                .chain(inserted -> {
                    Map<Long, Long> historyIds = new HashMap<>();
                    for (String text : inserted) {
                        JsonNode n = rows.tree(text);
                        historyIds.put(n.get("record").asLong(), n.get("id").asLong());
                    }
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (Change c : changes) {
                        if (entersApproval(def, c.from(), c.decision().tier())) {
                            long historyId = historyIds.get(c.record().id());
                            chain = chain.call(() -> startApproval(session, def, c.record(), c.decision().tier(), historyId))
                                    .map(n -> n + 1);
                        }
                    }
                    return chain;
                });
    }

    private Uni<Void> startApproval(Mutiny.Session session, FormDefinition def, StoredRecord saved, String tier, long historyId) {
        ApprovalBinding approval = def.approval();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("process", approval.process());
        payload.put("formId", def.id());
        payload.put("formKey", def.key());
        payload.put("formName", def.name());
        payload.put("recordId", saved.id());
        payload.put("ownerId", saved.ownerId());
        payload.put("tier", tier);
        payload.put("statusField", approval.statusField());
        payload.put("title", RecordWriter.title(def, saved));
        return journal.enqueue(session, RecordWriter.PROCESS_START, "tier:" + def.id() + ":" + historyId, payload);
    }

    /** Whether a record moving from {@code from} to {@code to} starts the form's approval. */
    public static boolean entersApproval(FormDefinition def, String from, String to) {
        ApprovalBinding approval = def.approval();
        return approval != null && to != null && !to.equals(from) && approval.tiers().contains(to);
    }

    /** The approval's status field, when it has the option {@value #PENDING} that an entering record is set to. */
    public static Optional<FieldDefinition> pendingField(FormDefinition def) {
        ApprovalBinding approval = def.approval();
        if (approval == null || approval.statusField() == null) {
            return Optional.empty();
        }
        return def.field(approval.statusField()).filter(f -> SingleSelectFieldType.options(f).containsKey(PENDING));
    }
}
