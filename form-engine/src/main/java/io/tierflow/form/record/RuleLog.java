package io.tierflow.form.record;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.schema.FormRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/** A record's rule log: which trigger rule ran, on which event, when, and what it did; for whoever may see the record. */
@ApplicationScoped
public class RuleLog {

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

    public Uni<List<Map<String, Object>>> of(Caller caller, String formRef, long id) {
        return sessions.withSession(session -> forms.load(session, formRef).chain(def -> {
            FormAccess.require(caller, def, "view");
            return records.find(session, def, RowScope.of(caller, def, "r", 2), id, false)
                    .chain(visible -> NativeSql.texts(session, "SELECT json_build_object('at', l.fired_at, 'rule', l.rule,"
                            + " 'event', l.event, 'result', l.result)::text FROM rule_log l WHERE l.form_id = ?1 AND l.record_id = ?2"
                            + " ORDER BY l.id DESC LIMIT 200", def.id(), id))
                    .map(rows -> rows.stream().map(this::parse).toList());
        }));
    }

    private Map<String, Object> parse(String row) {
        try {
            return json.readValue(row, ROW);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
