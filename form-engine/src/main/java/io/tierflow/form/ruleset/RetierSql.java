package io.tierflow.form.ruleset;

import io.tierflow.core.db.OrdinalParams;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.record.TierChanges;
import io.tierflow.form.schema.CompiledForm;
import io.tierflow.form.type.FieldTypes;
import java.util.List;
import java.util.Optional;

/**
 * The one statement of a re-tier batch. {@code scan} takes the next {@code size} live records after the job's last
 * id with their tier under the published version (the CASE WHEN computed once per row); {@code changed} updates
 * those whose tier differs, bumping their version and, entering an approval tier, setting the approval status to
 * pending as the write pipeline does; {@code audit} writes each one's audit entry in the write pipeline's shape.
 * The result is one JSON object: {@code lastId}, {@code scanned} and the {@code changed} rows (old tier, old
 * status, new row) for the history, approvals and triggers that follow in Java.
 * <p>The scan takes no row locks; the update re-checks each row's version instead (PostgreSQL re-reads a row that
 * a concurrent write changed), so a record written meanwhile is left to that write, which used the new model.
 */
final class RetierSql {

    /** The audit entry's changes: tier, stage and tags, each only when it changed. */
    private static final String CHANGED_TIER_STATE = "CASE WHEN c.old_tier IS DISTINCT FROM c.new_tier THEN jsonb_build_object('tier',"
            + " jsonb_build_array(c.old_tier, c.new_tier)) ELSE '{}'::jsonb END || CASE WHEN c.old_stage IS DISTINCT FROM c.new_stage"
            + " THEN jsonb_build_object('stage', jsonb_build_array(c.old_stage, c.new_stage)) ELSE '{}'::jsonb END"
            + " || CASE WHEN c.old_tags IS DISTINCT FROM c.new_tags THEN jsonb_build_object('tags', jsonb_build_array(to_jsonb(c.old_tags),"
            + " to_jsonb(c.new_tags))) ELSE '{}'::jsonb END";

    private RetierSql() {
    }

    static String batch(FormDefinition form, CompiledForm compiled, Optional<FieldDefinition> pending, RetierJob job, int size,
            FieldTypes types, OrdinalParams p) {
        String after = p.bind(job.lastId());
        TierSql tier = TierSql.of(form, compiled.tierModel(), types, p, true);
        String status = pending.map(f -> "r." + f.column()).orElse("CAST(NULL AS text)");
        StringBuilder set = new StringBuilder("tier = s.new_tier, stage = s.new_stage, tags = s.new_tags, version = r.version + 1");
        String statusChange = "'{}'::jsonb";
        if (pending.isPresent() && !form.approval().tiers().isEmpty()) {
            List<String> tiers = form.approval().tiers().stream().map(t -> "CAST(" + p.bind(t) + " AS text)").toList();
            String column = pending.get().column();
            set.append(", ").append(column).append(" = CASE WHEN s.new_tier IS DISTINCT FROM s.old_tier AND s.new_tier IN (").append(String.join(", ", tiers))
                    .append(") THEN '").append(TierChanges.PENDING).append("' ELSE r.").append(column).append(" END");
            statusChange = "CASE WHEN c.new_tier IS DISTINCT FROM c.old_tier AND c.new_tier IN (" + String.join(", ", tiers) + ") AND c.old_status IS DISTINCT FROM '"
                    + TierChanges.PENDING + "' THEN jsonb_build_object(CAST(" + p.bind(pending.get().key()) + " AS text),"
                    + " jsonb_build_array(c.old_status, '" + TierChanges.PENDING + "')) ELSE '{}'::jsonb END";
        }
        String actor = p.bind(job.createdBy() == null ? 0L : job.createdBy());
        String cause = p.bind(job.cause());
        String version = p.bind(job.ruleVersion());
        return "WITH scan AS (SELECT r.id, r.version, r.tier AS old_tier, " + status + " AS old_status, " + tier.tier()
                + " AS new_tier, r.stage AS old_stage, " + tier.stage() + " AS new_stage, r.tags AS old_tags, " + tier.tags()
                + " AS new_tags FROM " + tier.from() + " WHERE r.id > " + after + " AND r.deleted_at IS NULL ORDER BY r.id LIMIT " + size + "),"
                + " changed AS (UPDATE " + form.table() + " r SET " + set + " FROM scan s WHERE r.id = s.id"
                + " AND (s.old_tier IS DISTINCT FROM s.new_tier OR s.old_stage IS DISTINCT FROM s.new_stage"
                + " OR s.old_tags IS DISTINCT FROM s.new_tags) AND r.version = s.version AND r.deleted_at IS NULL"
                + " RETURNING r.id, s.old_tier, s.new_tier, s.old_status, s.old_stage, s.new_stage, s.old_tags, s.new_tags,"
                + " to_jsonb(r) AS row),"
                + " audit AS (INSERT INTO audit_log (actor_id, action, entity, entity_id, detail) SELECT NULLIF(" + actor + ", 0),"
                + " 'record.update', '" + form.table() + "', CAST(c.id AS text), jsonb_build_object('changes',"
                + " " + CHANGED_TIER_STATE + " || " + statusChange + ", 'cause', CAST(" + cause
                + " AS text), 'ruleVersion', CAST(" + version + " AS integer)) FROM changed c)"
                + " SELECT json_build_object('lastId', (SELECT max(id) FROM scan), 'scanned', (SELECT count(*) FROM scan),"
                + " 'changed', (SELECT coalesce(json_agg(json_build_object('from', c.old_tier, 'status', c.old_status, 'oldStage', c.old_stage, 'oldTags', c.old_tags, 'row', c.row)"
                + " ORDER BY c.id), '[]'::json) FROM changed c))::text";
    }
}
