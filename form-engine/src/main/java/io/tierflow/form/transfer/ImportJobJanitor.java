package io.tierflow.form.transfer;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * An import runs in one node's memory; if that node stops, its job would say "running" forever. Every few
 * minutes, on any node, jobs silent for {@value ImportJobs#STALE} are marked failed so their owners know.
 */
@ApplicationScoped
public class ImportJobJanitor {

    private static final Logger LOG = Logger.getLogger(ImportJobJanitor.class);

    @Inject
    ImportJobs jobs;

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> abandonStale() {
        return jobs.abandonStale().invoke(n -> {
            if (n > 0) {
                LOG.warnf("%d import job(s) stopped reporting progress and were marked failed", n);
            }
        }).replaceWithVoid();
    }
}
