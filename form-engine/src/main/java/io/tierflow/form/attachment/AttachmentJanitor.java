package io.tierflow.form.attachment;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Every hour, on any node, uploads that no record took within a day are deleted. */
@ApplicationScoped
public class AttachmentJanitor {

    private static final Logger LOG = Logger.getLogger(AttachmentJanitor.class);

    @Inject
    AttachmentService attachments;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> removeUnattached() {
        return attachments.removeUnattached().invoke(n -> {
            if (n > 0) {
                LOG.infof("removed %d upload(s) that no record took", n);
            }
        }).replaceWithVoid();
    }
}
