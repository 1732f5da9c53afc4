package io.tierflow.form.ruleset;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Lets a request wait for a re-tier job that runs on {@link RetierRunner}'s threads. The wait ends back on the
 * request's Vert.x context, because the reactive session the request goes on with may only be used there.
 */
final class RetierWait {

    private RetierWait() {
    }

    /** Completes when {@code job} does, or after {@code wait} (null: no limit); a failed job counts as over. */
    static Uni<Void> until(CompletableFuture<Void> job, Duration wait) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            Uni<Void> done = Uni.createFrom().completionStage(job).onFailure().recoverWithNull();
            if (wait != null) {
                done = done.ifNoItem().after(wait).recoverWithItem((Void) null);
            }
            return context == null ? done : done.emitOn(task -> context.runOnContext(ignored -> task.run()));
        });
    }
}
