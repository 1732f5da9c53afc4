package io.tierflow.ui.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.tierflow.core.security.AuthService;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * The CSRF token of the current request (double-submit cookie). Hand-written because the
 * quarkus-rest-csrf extension does not resolve on this machine: a random token lives in the
 * cookie {@value #COOKIE}; pages echo it in the form field {@value #FIELD} or the htmx header
 * {@value #HEADER}; {@link CsrfFilter} rejects unsafe page requests where the two differ. Another
 * site can make the browser send the cookie but can neither read it nor guess it.
 */
@RequestScoped
public class Csrf {

    public static final String COOKIE = "tierflow_csrf";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    @Inject
    RoutingContext routing;

    private String token;

    /** The token to embed in the page; issues a new cookie when the browser has none (or a malformed one). */
    public String token() {
        if (token == null) {
            String existing = cookieValue(routing);
            if (wellFormed(existing)) {
                token = existing;
            } else {
                byte[] bytes = new byte[BYTES];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                routing.response().addCookie(Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true)
                        .setSameSite(CookieSameSite.LAX).setMaxAge(AuthService.SESSION_LIFETIME.toSeconds()));
            }
        }
        return token;
    }

    static String cookieValue(RoutingContext routing) {
        Cookie c = routing.request().getCookie(COOKIE);
        return c == null ? null : c.getValue();
    }

    static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.matches("[A-Za-z0-9_-]+");
    }

    /** Constant-time comparison, so response timing does not leak the cookie byte by byte. */
    static boolean matches(String cookie, String submitted) {
        return wellFormed(cookie) && submitted != null
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), submitted.getBytes(StandardCharsets.US_ASCII));
    }
}
