package io.tierflow.ui.web;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.ForbiddenException;
import io.tierflow.core.error.Problem;
import io.tierflow.core.error.ProblemMapper;
import io.vertx.ext.web.RoutingContext;

/**
 * Errors on pages as HTML in the user's language instead of problem+json. Registered ahead of
 * platform-core's {@link ProblemMapper} (lower priority value wins) and hands everything that is
 * not a browser page request (/api, /q, or no text/html in Accept) back to it unchanged. An htmx
 * request gets just an alert fragment to swap in.
 */
public class PageErrors {

    private static final Logger LOG = Logger.getLogger(PageErrors.class);
    private static final int BEFORE_CORE = Priorities.USER - 100;

    @Inject
    RoutingContext routing;

    @Inject
    Pages pages;

    @Inject
    ProblemMapper problems;

    @ServerExceptionMapper(priority = BEFORE_CORE)
    public Response problem(Problem p) {
        if (!isPage()) {
            return problems.problem(p);
        }
        String message = p.fields().isEmpty() ? pages.text(p.code(), p.args())
                : pages.text(p.fields().get(0).code(), p.fields().get(0).args());
        return html(p.status(), message);
    }

    @ServerExceptionMapper(priority = BEFORE_CORE)
    public Response forbidden(ForbiddenException e) {
        return isPage() ? html(403, pages.text("core.auth.forbidden")) : problems.forbidden(e);
    }

    @ServerExceptionMapper(priority = BEFORE_CORE)
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (!isPage() || status == 302 || status == 303) {
            return problems.web(e);
        }
        return html(status, pages.text("core.http." + status));
    }

    @ServerExceptionMapper(priority = BEFORE_CORE)
    public Response unexpected(Exception e) {
        // more specific mappers (ProblemMapper's for bad JSON, 401, ...) still win over this one
        if (!isPage()) {
            return problems.unexpected(e);
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", id);
        return html(500, pages.text("core.internal", id));
    }

    private boolean isPage() {
        String path = routing.normalizedPath();
        if (path.startsWith("/api/") || path.startsWith("/q/")) {
            return false;
        }
        String accept = routing.request().getHeader("Accept");
        return routing.request().getHeader("HX-Request") != null || (accept != null && accept.contains("text/html"));
    }

    private Response html(int status, String message) {
        String body = routing.request().getHeader("HX-Request") != null
                ? "<div class=\"alert alert-error\" role=\"alert\">" + escape(message) + "</div>"
                : pages.errorPage(status, message).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body).build();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
