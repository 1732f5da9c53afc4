package io.tierflow.ui.auth;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.i18n.Messages;
import io.tierflow.core.i18n.RequestLocale;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.ui.web.Redirects;

/**
 * The zh-CN / English switch in the top bar. Sets the cookie (so the login page follows too) and,
 * for a logged-in user, their own setting, which {@link RequestLocale} prefers over the cookie.
 */
@Path("/lang")
public class LanguageSwitch {

    @Inject
    CurrentIdentityAssociation identity;

    @Inject
    UserDirectory users;

    @POST
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    public Uni<Response> change(@RestForm String lang, @RestForm String next) {
        String tag = Messages.tag(Messages.parse(lang == null || lang.isBlank() ? "zh-CN" : lang));
        return identity.getDeferredIdentity()
                .flatMap(id -> {
                    Caller c = id.isAnonymous() ? null : id.getAttribute(Caller.ATTRIBUTE);
                    return c == null ? Uni.createFrom().voidItem() : users.setLocale(c.id(), tag);
                })
                .map(x -> Redirects.seeOther(Redirects.local(next, "/")).cookie(cookie(tag)).build());
    }

    static NewCookie cookie(String tag) {
        return new NewCookie.Builder(RequestLocale.COOKIE).value(Messages.tag(Messages.parse(tag))).path("/")
                .sameSite(NewCookie.SameSite.LAX).maxAge((int) Duration.ofDays(365).toSeconds()).build();
    }
}
