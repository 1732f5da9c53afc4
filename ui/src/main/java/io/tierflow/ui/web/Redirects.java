package io.tierflow.ui.web;

import jakarta.ws.rs.core.Response;

/** Redirects to local paths only, so a crafted {@code next=} parameter cannot send users to another site. */
public final class Redirects {

    private Redirects() {
    }

    /**
     * 303 See Other (the browser follows with GET) with a relative {@code Location}, which stays
     * right behind a reverse proxy. Add cookies to the returned builder, then {@code build()}.
     * A path that is not local becomes {@code /}.
     */
    public static Response.ResponseBuilder seeOther(String localPath) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", local(localPath, "/"));
    }

    /**
     * {@code path} when it is a path on this site, else {@code fallback}. Rejects absolute URLs,
     * {@code //host} and {@code /\host} (browsers read both as another host) and control
     * characters (header splitting).
     */
    public static String local(String path, String fallback) {
        if (path == null || path.isEmpty() || path.length() > 2000 || path.charAt(0) != '/') {
            return fallback;
        }
        if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return fallback;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return fallback;
            }
        }
        return path;
    }
}
