package io.tierflow.form.record;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.schema.FormRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A record's history: every audited change (who, when, which fields from what to what) and every tier change
 * with the explanation the tier model gave. Readable by whoever may see the record, also while it is in the trash.
 */
@ApplicationScoped
public class RecordHistory {

    public record History(List<Map<String, Object>> changes, List<Map<String, Object>> tiers) {
    }

    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
    };

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    FormRepository forms;

    @Inject
    RecordService records;

    @Inject
    ObjectMapper json;

    public Uni<History> of(Caller caller, String formRef, long id) {
        return sessions.withSession(session -> forms.load(session, formRef).chain(def -> {
            RoleAccess access = FormAccess.require(caller, def, "view");
            RowScope scope = RowScope.of(caller, def, "r", 2);
            return records.findIn(session, def, scope, id, false, false)
                        .onFailure(io.tierflow.core.error.Problem.class)
                        .recoverWithUni(() -> records.findIn(session, def, scope, id, false, true))
                        .chain(visible -> NativeSql.texts(session, "SELECT json_build_object('at', a.at, 'action', a.action,"
                                + " 'actorId', a.actor_id, 'actor', u.display_name, 'detail', a.detail)::text FROM audit_log a"
                                + " LEFT JOIN app_user u ON u.id = a.actor_id WHERE a.entity = ?1 AND a.entity_id = ?2 ORDER BY a.id",
                                def.table(), Long.toString(id)))
                        .chain(changes -> NativeSql.texts(session, "SELECT json_build_object('at', h.changed_at, 'from', h.from_tier,"
                                + " 'to', h.to_tier, 'cause', h.cause, 'ruleVersion', h.rule_version, 'actor', u.display_name, 'explanation', h.explanation)::text"
                                + " FROM tier_history h LEFT JOIN app_user u ON u.id = h.actor_id"
                                + " WHERE h.form_id = ?1 AND h.record_id = ?2 ORDER BY h.id", def.id(), id)
                                .map(tiers -> new History(withoutHidden(parse(changes), access), parse(tiers))));
        }));
    }

    /** Audit details name fields by key; the ones hidden from this role are left out. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> withoutHidden(List<Map<String, Object>> changes, RoleAccess access) {
        for (Map<String, Object> change : changes) {
            if (change.get("detail") instanceof Map<?, ?> detail) {
                for (String part : List.of("values", "changes")) {
                    if (detail.get(part) instanceof Map<?, ?> byKey) {
                        ((Map<String, Object>) byKey).keySet().removeIf(access::hidden);
                    }
                }
            }
        }
        return changes;
    }

    private List<Map<String, Object>> parse(List<String> rows) {
        return rows.stream().map(r -> {
            try {
                return json.readValue(r, ROW);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
