package io.tierflow.form.transfer;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Runs a reactive pipeline (Hibernate Reactive sessions, the record services) from a worker thread and waits
 * for it: the import and export code reads and writes files, which must not happen on the event loop.
 */
final class OnWorker {

    private OnWorker() {
    }

    static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
