package io.tierflow.core.i18n;

import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.tierflow.core.identity.Caller;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.LanguageHeader;

/**
 * The language of the current request: the user's own setting, else the language switch
 * cookie, else Accept-Language, else the platform default. Reads the identity already attached
 * to the request, so it never triggers authentication itself (error pages need it too).
 */
@RequestScoped
public class RequestLocale {

    public static final String COOKIE = "tierflow_lang";

    @Inject
    RoutingContext routing;

    @ConfigProperty(name = "tierflow.default-locale", defaultValue = "zh-CN")
    String defaultLocale;

    public Locale get() {
        String userSetting = null;
        if (routing.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
            userSetting = caller == null ? null : caller.locale();
        }
        Cookie cookie = routing.request().getCookie(COOKIE);
        Locale accept = null;
        for (LanguageHeader language : routing.acceptableLanguages()) {
            accept = Locale.forLanguageTag(language.value());
            break;
        }
        return resolve(userSetting, cookie == null ? null : cookie.getValue(), accept, defaultLocale);
    }

    public static Locale resolve(String userSetting, String cookie, Locale accept, String fallback) {
        Locale l = Messages.parse(userSetting);
        if (l == null) {
            l = Messages.parse(cookie);
        }
        if (l == null && accept != null && !accept.getLanguage().isEmpty()) {
            l = Messages.supported(accept);
        }
        return l != null ? l : Messages.parse(fallback);
    }
}
