package io.tierflow.core.journal;

import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs the journal's consumers on one thread per node: LISTEN wakes it when a producer commits,
 * and it also wakes when a retry falls due (or every few seconds, in case a NOTIFY was missed
 * while the listening connection was down).
 */
@ApplicationScoped
public class EffectDispatcher {

    private static final Logger LOG = Logger.getLogger(EffectDispatcher.class);
    private static final long MAX_WAIT_MS = 5_000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EffectJournal journal;

    @Inject
    Instance<EffectConsumer> consumers;

    @ConfigProperty(name = "tierflow.effects.dispatcher.enabled", defaultValue = "true")
    boolean enabled;

    private final Map<String, EffectConsumer> byKind = new HashMap<>();
    private volatile boolean running;
    private Thread thread;

    // after the engines (Flowable) have started: they observe StartupEvent at the default priority
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        consumers.forEach(c -> byKind.put(c.kind(), c));
        if (!enabled || byKind.isEmpty()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "tierflow-effects");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Effects dispatcher started for %s", byKind.keySet());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    private void run() {
        while (running) {
            try (Connection listener = dataSource.getConnection()) {
                listener.setAutoCommit(true);
                try (Statement st = listener.createStatement()) {
                    st.execute("LISTEN " + EffectJournal.CHANNEL);
                }
                PGConnection pg = listener.unwrap(PGConnection.class);
                while (running) {
                    drain();
                    long wait = journal.millisUntilNextDue(byKind.keySet(), MAX_WAIT_MS);
                    pg.getNotifications((int) wait);
                }
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("Effects dispatcher lost its connection (%s); retrying in 1 s", e.getMessage());
                    sleep(1_000);
                }
            }
        }
    }

    /** Applies every due effect; returns when none is left. */
    public void drain() throws Exception {
        List<EffectJournal.Due> due;
        do {
            due = journal.due(byKind.keySet(), 50);
            for (EffectJournal.Due d : due) {
                if (!running && thread != null) {
                    return;
                }
                apply(d);
            }
        } while (!due.isEmpty());
    }

    private void apply(EffectJournal.Due due) {
        try {
            byKind.get(due.kind()).process(due.id());
        } catch (Throwable t) {
            LOG.warnf(t, "Effect %d (%s) failed; it will be retried", due.id(), due.kind());
            journal.recordFailure(due.id(), t);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
