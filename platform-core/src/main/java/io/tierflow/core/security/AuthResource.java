package io.tierflow.core.security;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.Problem;
import io.tierflow.core.i18n.Messages;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.UserDirectory;

/** Login, logout, the current user and their personal API tokens. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record Credentials(String username, String password) {
    }

    public record TokenRequest(String name) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    public record Settings(String locale) {
    }

    @Inject
    AuthService auth;

    @Inject
    UserDirectory users;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/auth/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> login(Credentials credentials) {
        if (credentials == null) {
            throw Problem.invalid(List.of()).field("username", "core.field.required");
        }
        return auth.login(credentials.username(), credentials.password())
                .map(login -> Response.ok(me(login.caller())).cookie(SessionCookies.session(login.sessionToken())).build());
    }

    @POST
    @Path("/auth/logout")
    public Uni<Response> logout(@CookieParam(TierflowAuthMechanism.SESSION_COOKIE) String session) {
        return auth.logout(session).map(x -> Response.noContent().cookie(SessionCookies.expired()).build());
    }

    @GET
    @Path("/me")
    @Authenticated
    public Map<String, Object> me() {
        return me(Caller.of(identity));
    }

    @PATCH
    @Path("/me")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> update(Settings settings) {
        Caller c = Caller.of(identity);
        String locale = settings == null ? null : settings.locale();
        if (locale == null || !(locale.equals("zh-CN") || locale.equals("en"))) {
            throw Problem.invalid(List.of()).field("locale", "core.user.locale", "zh-CN, en");
        }
        return users.setLocale(c.id(), locale).map(x -> me(new Caller(c.id(), c.username(), c.displayName(), c.role(), c.teamId(), locale)));
    }

    /** Changes the caller's password; every session of theirs ends, so they log in again. */
    @PUT
    @Path("/me/password")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> changePassword(PasswordChange change) {
        return auth.changePassword(Caller.of(identity), change == null ? null : change.currentPassword(),
                change == null ? null : change.newPassword()).map(x -> Response.noContent().build());
    }

    @GET
    @Path("/me/tokens")
    @Authenticated
    public Uni<List<Map<String, Object>>> tokens() {
        return auth.listTokens(Caller.of(identity));
    }

    @POST
    @Path("/me/tokens")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> createToken(TokenRequest request) {
        return auth.createToken(Caller.of(identity), request == null ? null : request.name())
                .map(t -> Response.status(201).entity(t).build());
    }

    @DELETE
    @Path("/me/tokens/{id}")
    @Authenticated
    public Uni<Response> revoke(@PathParam("id") long id) {
        return auth.revokeToken(Caller.of(identity), id).map(x -> Response.noContent().build());
    }

    static Map<String, Object> me(Caller c) {
        return Map.of("id", c.id(), "username", c.username(), "displayName", c.displayName(), "role", c.role().name(),
                "teamId", c.teamId() == null ? 0 : c.teamId(), "locale", c.locale() == null ? "" : Messages.tag(Messages.parse(c.locale())));
    }
}
