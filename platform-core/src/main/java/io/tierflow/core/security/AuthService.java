package io.tierflow.core.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.UserDirectory;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Logins, logouts and personal API tokens. Only hashes of the secrets are stored. */
@ApplicationScoped
public class AuthService {

    public static final Duration SESSION_LIFETIME = Duration.ofDays(14);

    /** A bcrypt hash of a random password: verifying against it costs as much as a real user, so timing tells nothing. */
    private static final String DUMMY_HASH = Passwords.hash(Tokens.random(""));

    @Inject
    Pool pool;

    @Inject
    UserDirectory users;

    public record Login(String sessionToken, Caller caller) {
    }

    public Uni<Login> login(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw Problem.invalid(List.of()).field(username == null || username.isBlank() ? "username" : "password",
                    "core.field.required");
        }
        return pool.preparedQuery("SELECT " + "id, username, display_name, role, team_id, locale, password_hash"
                        + " FROM app_user WHERE username = $1 AND active")
                .execute(Tuple.of(username.trim()))
                .flatMap(rows -> {
                    Row row = rows.iterator().hasNext() ? rows.iterator().next() : null;
                    String hash = row == null ? DUMMY_HASH : row.getString("password_hash");
                    return Uni.createFrom().item(() -> Passwords.verify(password, hash))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                            .map(ok -> {
                                if (!ok || row == null) {
                                    throw new Problem(401, "core.auth.bad-credentials");
                                }
                                return UserDirectory.caller(row);
                            });
                })
                .flatMap(caller -> {
                    String token = Tokens.random("s_");
                    return pool.preparedQuery("INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ($1, $2, now() + $3 * interval '1 second')")
                            .execute(Tuple.of(Tokens.sha256(token), caller.id(), SESSION_LIFETIME.toSeconds()))
                            .map(x -> new Login(token, caller));
                });
    }

    /** Changes the caller's password after checking the current one; other sessions of the user end. */
    public Uni<Void> changePassword(Caller caller, String current, String next) {
        if (next == null || next.length() < 8) {
            throw Problem.invalid(List.of()).field("newPassword", "core.user.password-short", 8);
        }
        return pool.preparedQuery("SELECT password_hash FROM app_user WHERE id = $1").execute(Tuple.of(caller.id()))
                .flatMap(rows -> Uni.createFrom().item(() -> current != null
                                && Passwords.verify(current, rows.iterator().next().getString("password_hash")))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .flatMap(ok -> {
                    if (!ok) {
                        throw Problem.invalid(List.of()).field("currentPassword", "core.auth.bad-credentials");
                    }
                    return users.setPassword(caller.username(), next);
                })
                .flatMap(x -> pool.preparedQuery("DELETE FROM user_session WHERE user_id = $1").execute(Tuple.of(caller.id())))
                .replaceWithVoid();
    }

    public Uni<Void> logout(String sessionToken) {
        if (sessionToken == null) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("DELETE FROM user_session WHERE token_hash = $1 OR expires_at < now()")
                .execute(Tuple.of(Tokens.sha256(sessionToken))).replaceWithVoid();
    }

    /** Creates a personal API token; the secret is returned once and never stored. */
    public Uni<Map<String, Object>> createToken(Caller caller, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw Problem.invalid(List.of()).field("name", "core.token.name");
        }
        String token = Tokens.random("tf_");
        return pool.preparedQuery("INSERT INTO api_token (user_id, name, token_hash) VALUES ($1, $2, $3) RETURNING id, created_at")
                .execute(Tuple.of(caller.id(), name.trim(), Tokens.sha256(token)))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("id", r.getLong("id"));
                    out.put("name", name.trim());
                    out.put("token", token);
                    out.put("createdAt", r.getOffsetDateTime("created_at").toString());
                    return out;
                });
    }

    public Uni<List<Map<String, Object>>> listTokens(Caller caller) {
        return pool.preparedQuery("SELECT id, name, created_at, last_used_at FROM api_token WHERE user_id = $1 AND revoked_at IS NULL ORDER BY id")
                .execute(Tuple.of(caller.id()))
                .map(rows -> {
                    List<Map<String, Object>> out = new ArrayList<>();
                    for (Row r : rows) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", r.getLong("id"));
                        m.put("name", r.getString("name"));
                        m.put("createdAt", String.valueOf(r.getOffsetDateTime("created_at")));
                        m.put("lastUsedAt", r.getOffsetDateTime("last_used_at") == null ? null : r.getOffsetDateTime("last_used_at").toString());
                        out.add(m);
                    }
                    return out;
                });
    }

    public Uni<Void> revokeToken(Caller caller, long id) {
        return pool.preparedQuery("UPDATE api_token SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL")
                .execute(Tuple.of(id, caller.id()))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw Problem.notFound("core.token.not-found", id);
                    }
                    return null;
                });
    }
}
