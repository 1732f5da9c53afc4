package io.tierflow.form.transfer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run large imports: plain threads, so they may block on file data and on
 * {@code subscribeAndAwait}. Two at a time (the machines have two cores and an import holds its file in
 * memory); a few more wait; beyond that a new import is refused rather than queued for an hour.
 */
@ApplicationScoped
public class ImportExecutor {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ImportExecutor.class);

    static final int THREADS = 2;
    static final int WAITING = 8;

    private final AtomicInteger names = new AtomicInteger();
    private final ThreadPoolExecutor threads = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING), r -> {
                Thread t = new Thread(r, "tierflow-import-" + names.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    /** @throws RejectedExecutionException when too many imports are running and waiting */
    void submit(Runnable job) {
        threads.execute(() -> {
            try {
                job.run();
            } catch (RuntimeException | Error e) {
                LOG.errorf(e, "Import job thread failed");
            }
        });
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
