package io.tierflow.form.record;

import io.quarkus.scheduler.Scheduled;
import io.tierflow.core.db.OnWorker;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.schema.FormCompiler;
import io.tierflow.form.schema.FormRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Gives records whose tier override has expired their model's tier back, through the write pipeline (so the
 * change has its history row, cause {@value #CAUSE}, and its effects), one record per transaction. Runs every
 * minute; the partial index on {@code tier_override_until} keeps the look-up cheap.
 */
@ApplicationScoped
public class TierOverrideExpiry {

    public static final String CAUSE = "tier-override.expired";
    private static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(TierOverrideExpiry.class);

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    FormRepository forms;

    @Inject
    FormCompiler compiler;

    @Inject
    RecordService records;

    @Inject
    RecordWriter writer;

    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not end expired tier overrides");
        }
    }

    /** @return how many records got their model's tier back */
    public int sweep() {
        int ended = 0;
        for (FormDefinition form : OnWorker.await(() -> sessions.withSession(forms::list))) {
            List<String> ids = OnWorker.await(() -> sessions.withSession(s -> NativeSql.texts(s, "SELECT CAST(id AS text) FROM "
                    + form.table() + " WHERE tier_override IS NOT NULL AND tier_override_until <= now() AND deleted_at IS NULL"
                    + " ORDER BY id LIMIT " + BATCH)));
            for (String id : ids) {
                ended += OnWorker.await(() -> sessions.withTransaction(s -> end(s, form, Long.parseLong(id))));
            }
        }
        return ended;
    }

    private Uni<Integer> end(Mutiny.Session session, FormDefinition form, long id) {
        return records.find(session, form, RowScope.all(), id, true).chain(current -> {
            if (current.override() == null || current.override().activeAt(OffsetDateTime.now())) {
                return Uni.createFrom().item(0); // renewed or removed meanwhile
            }
            return writer.update(session, compiler.compiled(form), null, current, Map.of(), CAUSE,
                    new TierState.Change(null, true, List.of(), List.of())).replaceWith(1);
        });
    }

}
