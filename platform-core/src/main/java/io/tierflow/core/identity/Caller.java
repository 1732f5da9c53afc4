package io.tierflow.core.identity;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** Who is asking: what services need of the authenticated user to check permissions and scope rows. */
public record Caller(long id, String username, String displayName, Role role, Long teamId, String locale) {

    public static final String ATTRIBUTE = "tierflow.caller";

    public static Caller of(SecurityIdentity identity) {
        Caller caller = identity == null ? null : identity.getAttribute(ATTRIBUTE);
        if (caller == null) {
            throw new UnauthorizedException();
        }
        return caller;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
