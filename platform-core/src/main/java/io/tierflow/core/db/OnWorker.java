package io.tierflow.core.db;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Runs a reactive pipeline (Hibernate Reactive sessions, the record services) from a worker thread and waits
 * for it: for work that blocks (files of imports and exports) or runs on a schedule.
 */
public final class OnWorker {

    private OnWorker() {
    }

    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
