package io.tierflow.ui.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import io.quarkus.qute.TemplateData;
import io.tierflow.core.i18n.Messages;
import io.tierflow.core.i18n.RequestLocale;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * One-shot messages across a redirect (post/redirect/get): the redirecting response sets a cookie
 * with a message code, the next page shows it once and clears it. Only a code travels, never text,
 * so a forged cookie can at most show another of our own messages.
 * Usage: {@code Redirects.seeOther("/forms").cookie(Flash.success("ui.saved")).build()}.
 */
@RequestScoped
public class Flash {

    public static final String COOKIE = "tierflow_flash";

    /** {@code kind} is {@code success}, {@code error} or {@code info} (a CSS class); {@code text} is localized. */
    @TemplateData
    public record Message(String kind, String text) {
    }

    @Inject
    RoutingContext routing;

    @Inject
    RequestLocale locale;

    public static NewCookie success(String code) {
        return cookie("success", code);
    }

    public static NewCookie error(String code) {
        return cookie("error", code);
    }

    public static NewCookie info(String code) {
        return cookie("info", code);
    }

    private static NewCookie cookie(String kind, String code) {
        return new NewCookie.Builder(COOKIE).value(kind + ":" + code).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).maxAge(120).build();
    }

    /** The pending message, if any, and clears it so a reload does not show it again. */
    Message take() {
        Cookie c = routing.request().getCookie(COOKIE);
        if (c == null || c.getValue().isEmpty()) {
            return null;
        }
        routing.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.LAX).setMaxAge(0));
        String[] parts = c.getValue().split(":", 2);
        if (parts.length != 2 || !parts[0].matches("success|error|info") || !parts[1].matches("[a-z][a-z0-9._-]{0,100}")) {
            return null;
        }
        return new Message(parts[0], Messages.text(locale.get(), parts[1]));
    }
}
