package io.tierflow.ui.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.security.AuthService;
import io.tierflow.core.security.SessionCookies;
import io.tierflow.core.security.TierflowAuthMechanism;
import io.tierflow.ui.web.Pages;
import io.tierflow.ui.web.Redirects;

/** The login form and logout, for browsers; scripts use /api/auth/login. Public paths (see application.properties). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    @Inject
    Pages pages;

    @Inject
    AuthService auth;

    @Inject
    CurrentIdentityAssociation identity;

    @Inject
    @Location("login.html")
    Template login;

    @GET
    @Path("login")
    public Uni<Response> form(@RestQuery String next) {
        // someone already logged in (a bookmark, the back button) goes straight on
        return identity.getDeferredIdentity().map(id -> id.isAnonymous()
                ? Response.ok(page(next, "", null, Map.of())).build()
                : Redirects.seeOther(target(next)).build());
    }

    @POST
    @Path("login")
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    public Uni<Response> login(@RestForm String username, @RestForm String password, @RestForm String next) {
        return Uni.createFrom().deferred(() -> auth.login(username, password)) // login() throws early on blanks
                .map(ok -> {
                    Response.ResponseBuilder r = Redirects.seeOther(target(next)).cookie(SessionCookies.session(ok.sessionToken()));
                    Caller c = ok.caller();
                    if (c.locale() != null) {
                        r.cookie(LanguageSwitch.cookie(c.locale())); // the login page speaks their language after logout
                    }
                    return r.build();
                })
                .onFailure(Problem.class).recoverWithItem(e -> {
                    Problem p = (Problem) e;
                    Map<String, String> errors = new LinkedHashMap<>();
                    for (FieldProblem f : p.fields()) {
                        errors.putIfAbsent(f.field(), pages.text(f.code(), f.args()));
                    }
                    String formError = errors.isEmpty() ? pages.text(p.code(), p.args()) : null;
                    return Response.status(p.status()).entity(page(next, username, formError, errors)).build();
                });
    }

    @POST
    @Path("logout")
    public Uni<Response> logout(@CookieParam(TierflowAuthMechanism.SESSION_COOKIE) String session) {
        return auth.logout(session).map(x -> Redirects.seeOther("/login").cookie(SessionCookies.expired()).build());
    }

    private Object page(String next, String username, String formError, Map<String, String> errors) {
        String user = username == null ? "" : username;
        return pages.page(login).data("next", next == null ? "" : next).data("username", user)
                .data("formError", formError).data("errors", errors)
                .data("focusUsername", user.isBlank()).data("focusPassword", !user.isBlank()); // retyping the password is the usual fix
    }

    /** Where to go after logging in: a local path, but never back to the login or logout page. */
    static String target(String next) {
        String path = Redirects.local(next, "/");
        String bare = path.replaceFirst("[?#].*", "");
        return bare.equals("/login") || bare.equals("/logout") ? "/" : path;
    }
}
