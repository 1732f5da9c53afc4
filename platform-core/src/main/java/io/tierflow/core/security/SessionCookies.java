package io.tierflow.core.security;

import jakarta.ws.rs.core.NewCookie;

/** The session cookie: HttpOnly and SameSite=Lax, so scripts cannot read it and other sites cannot post with it. */
public final class SessionCookies {

    private SessionCookies() {
    }

    public static NewCookie session(String token) {
        return new NewCookie.Builder(TierflowAuthMechanism.SESSION_COOKIE).value(token).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).maxAge((int) AuthService.SESSION_LIFETIME.toSeconds()).build();
    }

    public static NewCookie expired() {
        return new NewCookie.Builder(TierflowAuthMechanism.SESSION_COOKIE).value("").path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).maxAge(0).build();
    }
}
