package io.tierflow.core.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Pages authenticate with the session cookie; scripts with {@code Authorization: Bearer}.
 * Without credentials an API call gets 401 and a page is sent to the login form.
 */
@ApplicationScoped
public class TierflowAuthMechanism implements HttpAuthenticationMechanism {

    public static final String SESSION_COOKIE = "tierflow_session";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return identityProviderManager.authenticate(new TokenAuthenticationRequest(
                    TokenAuthenticationRequest.Kind.API_TOKEN, authorization.substring(7).trim()));
        }
        Cookie cookie = context.request().getCookie(SESSION_COOKIE);
        if (cookie != null && !cookie.getValue().isBlank()) {
            return identityProviderManager.authenticate(new TokenAuthenticationRequest(
                    TokenAuthenticationRequest.Kind.SESSION, cookie.getValue()))
                    .onFailure().recoverWithNull(); // a stale cookie means "anonymous", not an error
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith("/api/") || path.startsWith("/q/")) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"tierflow\""));
        }
        String next = URLEncoder.encode(context.request().uri(), StandardCharsets.UTF_8);
        return Uni.createFrom().item(new ChallengeData(302, "Location", "/login?next=" + next));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }
}
