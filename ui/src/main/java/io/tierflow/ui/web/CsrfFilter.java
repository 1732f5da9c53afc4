package io.tierflow.ui.web;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.vertx.ext.web.RoutingContext;

/**
 * Rejects page requests that change something (POST, PUT, PATCH, DELETE) unless they carry the
 * CSRF token of {@link Csrf} in the form field or the htmx header. Hand-written: the
 * quarkus-rest-csrf extension is not resolvable here. {@code /api/*} is left out: JSON calls
 * authenticate with a SameSite=Lax cookie (not sent on cross-site POSTs) or a Bearer token.
 * {@link WithFormRead} makes the form body readable before the resource method runs.
 */
public class CsrfFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    Pages pages;

    @WithFormRead
    @ServerRequestFilter
    public Response check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        String path = routing.normalizedPath();
        if (SAFE.contains(request.getMethod()) || path.startsWith("/api/") || path.startsWith("/q/")) {
            return null;
        }
        String submitted = request.getHeaderString(Csrf.HEADER);
        if (submitted == null) {
            submitted = formField((ResteasyReactiveRequestContext) request.getServerRequestContext());
        }
        if (Csrf.matches(Csrf.cookieValue(routing), submitted)) {
            return null;
        }
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.error(403, "ui.error.csrf").render()).build();
    }

    private static String formField(ResteasyReactiveRequestContext context) {
        Object value = context.getFormParameter(Csrf.FIELD, true, false);
        if (value instanceof FormValue f) {
            return f.isFileItem() ? null : f.getValue(); // multipart
        }
        return value == null ? null : value.toString();
    }
}
