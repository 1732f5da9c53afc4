package io.tierflow.core.journal;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/** Test consumers: one that records what it applied (JDBC, claim + done in one transaction), one that always fails. */
public class RecordingConsumers {

    @ApplicationScoped
    public static class Echo implements EffectConsumer {
        private final List<String> applied = new CopyOnWriteArrayList<>();

        /** A method, not a field: tests see the bean through its client proxy. */
        public List<String> applied() {
            return applied;
        }

        @Inject
        AgroalDataSource dataSource;

        @Inject
        EffectJournal journal;

        @Override
        public String kind() {
            return "test.echo";
        }

        @Override
        public boolean process(long effectId) throws Exception {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                var effect = journal.claim(c, effectId);
                if (effect.isEmpty()) {
                    c.rollback();
                    return false;
                }
                applied.add(effect.get().text("message"));
                journal.markDone(c, effectId);
                c.commit();
                return true;
            }
        }
    }

    @ApplicationScoped
    public static class Failing implements EffectConsumer {
        @Override
        public String kind() {
            return "test.fail";
        }

        @Override
        public boolean process(long effectId) {
            throw new IllegalStateException("remote system down");
        }
    }
}
