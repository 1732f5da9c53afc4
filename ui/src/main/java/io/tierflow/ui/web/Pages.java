package io.tierflow.ui.web;

import java.net.URI;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.tierflow.core.i18n.Messages;
import io.tierflow.core.i18n.RequestLocale;
import io.tierflow.core.identity.Caller;
import io.vertx.ext.web.RoutingContext;

/**
 * Renders pages with the layout's common data. A resource does
 * {@code return pages.page(myTemplate).data("x", x);} (or maps a {@code Uni} to that) with
 * {@code @Produces(MediaType.TEXT_HTML)}; {@link TemplateInstanceWriter} writes it. The template
 * gets {@code page} ({@link Page}) and can call {@code {msg:text('ui.code')}} ({@link MessageExtensions}).
 */
@RequestScoped
public class Pages {

    /** The {@code TemplateInstance} attribute {@link MessageExtensions} reads the language from. */
    public static final String LOCALE = "locale";

    @Inject
    RoutingContext routing;

    @Inject
    RequestLocale requestLocale;

    @Inject
    Csrf csrf;

    @Inject
    Flash flash;

    @Inject
    @Location("error.html")
    Template error;

    private Page page;

    /** A template instance with {@code page} and the request's language set; add your own data to it. */
    public TemplateInstance page(Template template) {
        return template.data("page", current()).setAttribute(LOCALE, locale());
    }

    /** The error page (status and message code), also used for the CSRF rejection. */
    public TemplateInstance error(int status, String code, Object... args) {
        return errorPage(status, text(code, args));
    }

    /** The error page with a message already in the user's language. */
    public TemplateInstance errorPage(int status, String message) {
        return page(error).data("status", status).data("message", message).data("back", back());
    }

    /** Where "back" leads: the referring page when it is on this site, else home. */
    private String back() {
        String referer = routing.request().getHeader("Referer");
        try {
            URI uri = referer == null ? null : URI.create(referer);
            if (uri != null && uri.getRawPath() != null && uri.getAuthority() != null
                    && uri.getAuthority().equalsIgnoreCase(routing.request().getHeader("Host"))) {
                return Redirects.local(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), "/");
            }
        } catch (IllegalArgumentException e) {
            // a malformed Referer is just ignored
        }
        return "/";
    }

    public Page current() {
        if (page == null) {
            // after a rejected or re-rendered POST, "this page" for the language switch is where the form was
            String path = "GET".equals(routing.request().method().name()) ? routing.request().uri() : back();
            page = new Page(caller(), Messages.tag(locale()), csrf.token(), path, flash.take());
        }
        return page;
    }

    public Locale locale() {
        return requestLocale.get();
    }

    public String text(String code, Object... args) {
        return Messages.text(locale(), code, args);
    }

    /**
     * The logged-in user, or {@code null}. Pages behind the {@code authenticated} HTTP policy (all but
     * the public ones, see application.properties) have the identity attached to the request already.
     */
    public Caller caller() {
        if (routing.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            return identity.isAnonymous() ? null : identity.getAttribute(Caller.ATTRIBUTE);
        }
        return null;
    }
}
