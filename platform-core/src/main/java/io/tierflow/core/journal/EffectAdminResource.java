package io.tierflow.core.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import io.tierflow.core.error.Problem;

/** Lets an admin see effects that keep failing, and put them back in line. */
@Path("/api/admin/effects")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
@Blocking
public class EffectAdminResource {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EffectJournal journal;

    @GET
    public List<Map<String, Object>> list(@QueryParam("status") @DefaultValue("FAILED") String status) throws SQLException {
        if (!List.of("PENDING", "DONE", "FAILED").contains(status)) {
            throw Problem.invalid(List.of()).field("status", "core.effect.status", "PENDING, DONE, FAILED");
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, kind, dedupe_key, payload::text, status, attempts,"
                        + " next_attempt_at, last_error, created_at, done_at FROM effect WHERE status = ? ORDER BY id DESC LIMIT 200")) {
            ps.setString(1, status);
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getLong(1));
                    m.put("kind", rs.getString(2));
                    m.put("dedupeKey", rs.getString(3));
                    m.put("payload", rs.getString(4));
                    m.put("status", rs.getString(5));
                    m.put("attempts", rs.getInt(6));
                    m.put("nextAttemptAt", String.valueOf(rs.getObject(7)));
                    m.put("lastError", rs.getString(8));
                    m.put("createdAt", String.valueOf(rs.getObject(9)));
                    m.put("doneAt", rs.getObject(10) == null ? null : String.valueOf(rs.getObject(10)));
                    out.add(m);
                }
            }
            return out;
        }
    }

    @POST
    @Path("/{id}/retry")
    public Response retry(@PathParam("id") long id) throws SQLException {
        if (!journal.retry(id)) {
            throw Problem.notFound("core.effect.not-found", id);
        }
        return Response.accepted().build();
    }
}
