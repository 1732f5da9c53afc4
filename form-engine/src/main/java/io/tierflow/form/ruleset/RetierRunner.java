package io.tierflow.form.ruleset;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.OnWorker;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Runs re-tier jobs in the background, batch after batch, on threads of its own (never in a request). A job
 * started here and still running at a crash or a restart is picked up again: at startup every running job is
 * resumed, and every minute any node resumes jobs that stopped reporting. Several nodes may try the same job;
 * the form's advisory lock lets one batch run at a time and the job row's last id says where to go on.
 */
@ApplicationScoped
public class RetierRunner {

    private static final Logger LOG = Logger.getLogger(RetierRunner.class);

    /** Two jobs at a time: the machines have two cores and a batch keeps PostgreSQL busy. */
    static final int THREADS = 2;
    /** A job silent this long has lost its node. */
    static final int STALE_SECONDS = 60;

    @ConfigProperty(name = "tierflow.retier.batch-size", defaultValue = "1000")
    int batchSize;

    /** How long a job waits for the form's lock before it leaves the form to whoever holds it. */
    @ConfigProperty(name = "tierflow.retier.lock-wait", defaultValue = "10s")
    Duration lockWait;

    @ConfigProperty(name = "tierflow.retier.attempts", defaultValue = "3")
    int attempts;

    @Inject
    RetierBatch batch;

    @Inject
    RetierJobs jobs;

    @Inject
    Mutiny.SessionFactory sessions;

    private final Map<Long, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
    private final AtomicInteger names = new AtomicInteger();
    private final ThreadPoolExecutor threads = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "tierflow-retier-" + names.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    /**
     * Runs the job here unless this node already does; the future completes when this node stops working on
     * it: the job is over, or another node has held the form's lock for {@code lock-wait}.
     */
    public CompletableFuture<Void> start(long jobId) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> existing = running.putIfAbsent(jobId, mine);
        if (existing != null) {
            return existing;
        }
        threads.execute(() -> {
            try {
                runToEnd(jobId);
                mine.complete(null);
            } catch (Throwable t) {
                mine.completeExceptionally(t);
            } finally {
                running.remove(jobId, mine);
            }
        });
        return mine;
    }

    /** Runs batches until the job is over; on the calling thread, which may block. */
    void runToEnd(long jobId) {
        long lockedSince = 0;
        int failures = 0;
        while (true) {
            RetierBatch.Outcome outcome;
            try {
                outcome = OnWorker.await(() -> batch.run(jobId, batchSize));
                failures = 0;
            } catch (RuntimeException e) {
                // the batch rolled back; a passing problem (a lost connection, a deadlock) deserves another try
                if (++failures < attempts) {
                    LOG.warnf(e, "Re-tier job %d: batch failed, retrying", jobId);
                    sleep(500L * failures);
                    continue;
                }
                LOG.errorf(e, "Re-tier job %d failed", jobId);
                String message = e.getClass().getSimpleName() + ": " + e.getMessage();
                OnWorker.await(() -> sessions.withTransaction(s -> jobs.finish(s, jobId, RetierJob.FAILED,
                        message.length() > 2000 ? message.substring(0, 2000) : message)));
                return;
            }
            if (outcome == RetierBatch.Outcome.FINISHED) {
                return;
            }
            if (outcome == RetierBatch.Outcome.LOCKED) {
                long now = System.nanoTime();
                if (lockedSince == 0) {
                    lockedSince = now;
                } else if (now - lockedSince > lockWait.toNanos()) {
                    LOG.infof("Re-tier job %d: another node holds the form's lock; leaving it the job", jobId);
                    return;
                }
                sleep(200);
            } else {
                lockedSince = 0;
            }
        }
    }

    void onStart(@Observes StartupEvent event) {
        // after a crash or a restart: a job that was running goes on from its last committed batch
        threads.execute(() -> resume(0));
    }

    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumeStale() {
        resume(STALE_SECONDS);
    }

    /** Starts every running job silent for {@code seconds} that this node is not running already. */
    void resume(int seconds) {
        try {
            List<Long> ids = OnWorker.await(() -> sessions.withSession(s -> jobs.stale(s, seconds)));
            for (Long id : ids) {
                if (!running.containsKey(id)) {
                    LOG.infof("Resuming re-tier job %d", id);
                    start(id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not look for re-tier jobs to resume");
        }
    }


    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
