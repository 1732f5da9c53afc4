package io.tierflow.core.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.UserDirectory;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Resolves a session id or API token (by its hash) to the active user it belongs to. */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final String USER_COLUMNS = "u.id, u.username, u.display_name, u.role, u.team_id, u.locale";

    private static final String BY_SESSION = "SELECT " + USER_COLUMNS
            + " FROM user_session s JOIN app_user u ON u.id = s.user_id"
            + " WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active";

    private static final String BY_API_TOKEN = "UPDATE api_token t SET last_used_at = now() FROM app_user u"
            + " WHERE u.id = t.user_id AND t.token_hash = $1 AND t.revoked_at IS NULL AND u.active"
            + " RETURNING " + USER_COLUMNS;

    @Inject
    Pool pool;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String sql = request.kind() == TokenAuthenticationRequest.Kind.SESSION ? BY_SESSION : BY_API_TOKEN;
        return pool.preparedQuery(sql).execute(Tuple.of(Tokens.sha256(request.token())))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw new AuthenticationFailedException();
                    }
                    return identity(UserDirectory.caller(rows.iterator().next()));
                });
    }


    public static SecurityIdentity identity(Caller caller) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.username()))
                .addRole(caller.role().name())
                .addAttribute(Caller.ATTRIBUTE, caller)
                .build();
    }
}
