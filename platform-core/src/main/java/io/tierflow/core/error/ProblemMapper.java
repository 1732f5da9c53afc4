package io.tierflow.core.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.tierflow.core.i18n.Messages;
import io.tierflow.core.i18n.RequestLocale;

/** Renders every error as problem+json (RFC 9457) in the caller's language, with field paths. */
public class ProblemMapper {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Inject
    RequestLocale requestLocale;

    @ServerExceptionMapper
    public Response problem(Problem p) {
        return render(p);
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        String field = e instanceof MismatchedInputException m ? path(m) : null;
        Problem p = Problem.badRequest("core.json.invalid", e.getOriginalMessage());
        if (field != null && !field.isEmpty()) {
            p.field(field, "core.json.type", e.getOriginalMessage());
        }
        return render(p);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e) {
        return render(new Problem(401, "core.auth.required"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return render(Problem.forbidden("core.auth.forbidden"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 302 || status == 303) {
            return e.getResponse();
        }
        return render(new Problem(status, "core.http." + status));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", id);
        return render(new Problem(500, "core.internal", id));
    }

    private static String path(MismatchedInputException m) {
        StringBuilder sb = new StringBuilder();
        m.getPath().forEach(ref -> {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        });
        return sb.toString();
    }

    private Response render(Problem p) {
        Locale locale = locale();
        return Response.status(p.status()).type(MEDIA_TYPE).entity(body(p, locale)).build();
    }

    private Locale locale() {
        try {
            return requestLocale.get();
        } catch (RuntimeException e) {
            return Messages.EN; // outside a request (should not happen for REST), stay readable
        }
    }

    public static Map<String, Object> body(Problem p, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:tierflow:problem:" + p.code());
        body.put("title", Messages.text(locale, p.code(), p.args()));
        body.put("status", p.status());
        body.put("code", p.code());
        if (!p.fields().isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (FieldProblem f : p.fields()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("field", f.field());
                e.put("code", f.code());
                e.put("message", Messages.text(locale, f.code(), f.args()));
                errors.add(e);
            }
            body.put("errors", errors);
            body.put("detail", errors.get(0).get("field") + ": " + errors.get(0).get("message"));
        }
        body.putAll(p.extensions());
        return body;
    }
}
