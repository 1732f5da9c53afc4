package io.tierflow.form.record;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.schema.CompiledForm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Recomputes every live record of a form through the write pipeline after its definition changed (a formula
 * added, a field's type converted): computed values, tier, and for each record that really changes its audit
 * entry, tier history and effects. Runs in the caller's transaction.
 */
@ApplicationScoped
public class Recompute {

    static final int BATCH = 500;

    @Inject
    RecordRows rows;

    @Inject
    RecordWriter writer;

    public Uni<Void> all(Mutiny.Session session, CompiledForm form, Long actorId, String cause) {
        return batch(session, form, actorId, cause, 0L);
    }

    private Uni<Void> batch(Mutiny.Session session, CompiledForm form, Long actorId, String cause, long afterId) {
        FormDefinition def = form.definition();
        return NativeSql.texts(session, "SELECT to_jsonb(r)::text FROM " + def.table() + " r WHERE r.deleted_at IS NULL"
                        + " AND r.id > ?1 ORDER BY r.id LIMIT " + BATCH, afterId)
                .chain(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    List<StoredRecord> records = found.stream().map(j -> rows.read(def, j)).toList();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (StoredRecord r : records) {
                        chain = chain.chain(() -> writer.update(session, form, actorId, r, Map.of(), cause).replaceWithVoid());
                    }
                    long last = records.get(records.size() - 1).id();
                    return chain.chain(() -> session.flush()).chain(() -> records.size() < BATCH ? Uni.createFrom().voidItem()
                            : batch(session, form, actorId, cause, last));
                });
    }
}
