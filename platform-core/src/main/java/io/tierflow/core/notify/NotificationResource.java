package io.tierflow.core.notify;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The caller's notifications, newest first, and marking one read. */
@Path("/api/me/notifications")
@Authenticated
public class NotificationResource {

    public record NotificationView(long id, String title, String body, String link, OffsetDateTime createdAt, boolean read) {
    }

    @Inject
    Pool pool;

    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<List<NotificationView>> list() {
        return pool.preparedQuery("SELECT id, title, body, link, created_at, read_at IS NOT NULL AS read FROM notification"
                        + " WHERE user_id = $1 ORDER BY id DESC LIMIT 100")
                .execute(Tuple.of(Caller.of(identity).id()))
                .map(rows -> {
                    List<NotificationView> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new NotificationView(r.getLong("id"), r.getString("title"), r.getString("body"), r.getString("link"),
                                r.getOffsetDateTime("created_at"), r.getBoolean("read")));
                    }
                    return out;
                });
    }

    @POST
    @Path("{id}/read")
    public Uni<Response> read(@PathParam("id") long id) {
        return pool.preparedQuery("UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2")
                .execute(Tuple.of(id, Caller.of(identity).id()))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw Problem.notFound("core.notification.not-found", id);
                    }
                    return Response.noContent().build();
                });
    }
}
