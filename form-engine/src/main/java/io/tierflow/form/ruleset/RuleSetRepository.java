package io.tierflow.form.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.JsonText;
import io.tierflow.core.db.NativeSql;
import io.tierflow.form.model.ApprovalBinding;
import io.tierflow.rule.tier.TierModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** Reads and writes {@code rule_set} rows through the caller's session; callers check access and status. */
@ApplicationScoped
public class RuleSetRepository {

    private static final String SELECT = "SELECT json_build_object('id', s.id, 'formId', s.form_id, 'version', s.version,"
            + " 'status', s.status, 'tierModel', s.tier_model, 'approval', s.approval, 'note', s.note, 'createdBy', s.created_by,"
            + " 'createdAt', s.created_at, 'updatedAt', s.updated_at, 'publishedBy', s.published_by,"
            + " 'publishedAt', s.published_at)::text FROM rule_set s";

    @Inject
    ObjectMapper json;

    public Uni<List<RuleSet>> list(Mutiny.Session session, long formId) {
        return NativeSql.texts(session, SELECT + " WHERE s.form_id = ?1 ORDER BY s.version DESC", formId)
                .map(rows -> rows.stream().map(this::parse).toList());
    }

    /** The version, or null; {@code lock} holds its row until the transaction ends. */
    public Uni<RuleSet> find(Mutiny.Session session, long formId, int version, boolean lock) {
        return NativeSql.text(session, SELECT + " WHERE s.form_id = ?1 AND s.version = ?2" + (lock ? " FOR UPDATE" : ""),
                formId, version).map(text -> text == null ? null : parse(text));
    }

    /**
     * Serialises the changes to one form's rule sets (new version numbers, publishing) by locking the form's row
     * until the transaction ends; record writes do not lock it, so they go on.
     */
    public Uni<Void> lockForm(Mutiny.Session session, long formId) {
        return NativeSql.number(session, "SELECT id FROM form WHERE id = ?1 FOR UPDATE", formId).replaceWithVoid();
    }

    /** A new version numbered after the form's highest; call under {@link #lockForm}. */
    public Uni<RuleSet> insert(Mutiny.Session session, long formId, String status, TierModel model, ApprovalBinding approval,
            String note, Long actorId) {
        boolean published = RuleSet.PUBLISHED.equals(status);
        return NativeSql.number(session, "INSERT INTO rule_set (form_id, version, status, tier_model, approval, note, created_by,"
                        + " published_by, published_at) SELECT ?1, coalesce(max(version), 0) + 1, ?2, " + NativeSql.jsonParam(3) + ", "
                        + NativeSql.jsonParam(4) + ", NULLIF(?5, ''), NULLIF(?6, 0), " + (published ? "NULLIF(?6, 0), now()" : "NULL, NULL")
                        + " FROM rule_set WHERE form_id = ?1 RETURNING CAST(version AS bigint)",
                formId, status, JsonText.write(json, model), JsonText.write(json, approval), note == null ? "" : note,
                actorId == null ? 0L : actorId)
                .chain(version -> find(session, formId, version.intValue(), false));
    }

    public Uni<RuleSet> updateDraft(Mutiny.Session session, RuleSet draft, TierModel model, ApprovalBinding approval, String note) {
        return NativeSql.update(session, "UPDATE rule_set SET tier_model = " + NativeSql.jsonParam(1) + ", approval = "
                        + NativeSql.jsonParam(2) + ", note = NULLIF(?3, ''), updated_at = now() WHERE id = ?4 AND status = 'draft'",
                        JsonText.write(json, model), JsonText.write(json, approval), note == null ? "" : note, draft.id())
                .chain(() -> find(session, draft.formId(), draft.version(), false));
    }

    /** Stores a version's model with freshly computed quintile boundaries (any status: they are data, not rules). */
    public Uni<RuleSet> withBoundaries(Mutiny.Session session, RuleSet target, TierModel model) {
        return NativeSql.update(session, "UPDATE rule_set SET tier_model = " + NativeSql.jsonParam(1) + " WHERE id = ?2",
                        JsonText.write(json, model), target.id())
                .chain(() -> find(session, target.formId(), target.version(), false));
    }

    /**
     * Makes {@code version} the form's published one: the current one is archived, the form's live tier model,
     * approval and rule version are replaced, and its revision moves on so every node recompiles it.
     */
    public Uni<Void> publish(Mutiny.Session session, RuleSet target, Long actorId) {
        return NativeSql.update(session, "UPDATE rule_set SET status = 'archived', updated_at = now() WHERE form_id = ?1"
                        + " AND status = 'published'", target.formId())
                .chain(() -> NativeSql.update(session, "UPDATE rule_set SET status = 'published', published_by = NULLIF(?1, 0),"
                        + " published_at = now(), updated_at = now() WHERE id = ?2", actorId == null ? 0L : actorId, target.id()))
                .chain(() -> NativeSql.update(session, "UPDATE form SET tier_model = " + NativeSql.jsonParam(1) + ", approval = "
                        + NativeSql.jsonParam(2) + ", rule_version = ?3, revision = revision + 1 WHERE id = ?4",
                        JsonText.write(json, target.tierModel()), JsonText.write(json, target.approval()), target.version(),
                        target.formId()))
                .replaceWithVoid();
    }

    private RuleSet parse(String text) {
        try {
            return json.readValue(text, RuleSet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable rule set", e);
        }
    }
}
