package io.tierflow.form.model;

import io.tierflow.core.identity.Role;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A form's permissions by role. Roles the builder did not configure get the defaults: sales staff work their
 * own records, managers their team's, admins everything; nobody's fields are hidden.
 */
public record FormPermissions(Map<Role, RoleAccess> roles) {

    private static final Set<String> ALL = Set.copyOf(RoleAccess.ACTIONS);

    public FormPermissions {
        roles = roles == null ? Map.of() : Map.copyOf(roles);
    }

    public static FormPermissions defaults() {
        return new FormPermissions(Map.of());
    }

    public RoleAccess access(Role role) {
        RoleAccess configured = roles.get(role);
        return configured != null ? configured : defaultFor(role);
    }

    static RoleAccess defaultFor(Role role) {
        return switch (role) {
            case ADMIN -> new RoleAccess(ALL, "all", Map.of());
            case MANAGER -> new RoleAccess(ALL, "team", Map.of());
            case SALES -> new RoleAccess(Set.of("view", "create", "edit", "delete", "export"), "own", Map.of());
        };
    }

    /** Every role's effective access, for the API. */
    public Map<Role, RoleAccess> effective() {
        Map<Role, RoleAccess> all = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            all.put(r, access(r));
        }
        return all;
    }
}
