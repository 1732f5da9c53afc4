package io.tierflow.core.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A session cookie or a Bearer API token, still to be looked up. */
public class TokenAuthenticationRequest extends BaseAuthenticationRequest {

    public enum Kind { SESSION, API_TOKEN }

    private final Kind kind;
    private final String token;

    public TokenAuthenticationRequest(Kind kind, String token) {
        this.kind = kind;
        this.token = token;
    }

    public Kind kind() {
        return kind;
    }

    public String token() {
        return token;
    }
}
