package io.tierflow.ui.web;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;
import io.tierflow.core.identity.Caller;

/**
 * What the layout needs on every page, available in templates as {@code page}.
 *
 * @param caller the logged-in user, or {@code null} on public pages (login)
 * @param lang   {@code zh-CN} or {@code en}, for {@code <html lang>} and the language switch
 * @param csrf   the CSRF token for forms ({@link #csrfField()}) and htmx ({@link #hxHeaders()})
 * @param path   the request's path and query, to come back to after switching the language
 * @param flash  a one-shot message left by the previous request ({@link Flash}), or {@code null}
 */
@TemplateData
@TemplateData(target = Caller.class)
public record Page(Caller caller, String lang, String csrf, String path, Flash.Message flash) {

    public boolean loggedIn() {
        return caller != null;
    }

    public boolean english() {
        return "en".equals(lang);
    }

    /** The first character of the display name, for the avatar circle. */
    public String initial() {
        String name = caller == null || caller.displayName() == null || caller.displayName().isBlank() ? "?" : caller.displayName().strip();
        return name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase();
    }

    /** The language the switch offers: the other one. */
    public String otherLang() {
        return english() ? "zh-CN" : "en";
    }

    /** True when the current page is {@code prefix} or below it, to highlight its nav link. */
    public boolean at(String prefix) {
        String p = path == null ? "" : path.replaceFirst("[?#].*", "");
        return p.equals(prefix) || p.startsWith(prefix + "/");
    }

    /** The hidden field every POST form must carry; the token is base64url, so it needs no escaping. */
    public RawString csrfField() {
        return new RawString("<input type=\"hidden\" name=\"" + Csrf.FIELD + "\" value=\"" + csrf + "\">");
    }

    /** JSON for {@code hx-headers} on {@code <body>}: htmx then sends the token with every request. */
    public String hxHeaders() {
        return "{\"" + Csrf.HEADER + "\":\"" + csrf + "\"}";
    }
}
