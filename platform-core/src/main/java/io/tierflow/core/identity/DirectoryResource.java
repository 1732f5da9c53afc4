package io.tierflow.core.identity;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * Who can be picked for a member or team field: {@code GET /api/directory/users?q=王&limit=8} (active users whose
 * name or username contains q) and {@code GET /api/directory/teams?q=华东}. Any signed-in user may ask, as anyone
 * filling in a record may pick a colleague; results are capped at {@value UserDirectory#MAX_RESULTS}.
 */
@Path("/api/directory")
@Authenticated
public class DirectoryResource {

    @Inject
    UserDirectory users;

    @GET
    @Path("users")
    public Uni<List<UserDirectory.Entry>> users(@QueryParam("q") String q, @QueryParam("limit") Integer limit) {
        return users.searchUsers(q, limit == null ? 10 : limit);
    }

    @GET
    @Path("teams")
    public Uni<List<UserDirectory.Entry>> teams(@QueryParam("q") String q, @QueryParam("limit") Integer limit) {
        return users.searchTeams(q, limit == null ? 10 : limit);
    }
}
