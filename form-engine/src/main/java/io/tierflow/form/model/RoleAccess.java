package io.tierflow.form.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one role may do with a form's records: the actions, which rows ({@code own}, {@code team} or
 * {@code all}) and, per field key, {@code hidden} or {@code readonly} (fields not named are editable).
 */
public record RoleAccess(Set<String> actions, String scope, Map<String, String> fields) {

    public static final List<String> ACTIONS = List.of("view", "create", "edit", "delete", "import", "export");
    public static final List<String> SCOPES = List.of("own", "team", "all");
    public static final String HIDDEN = "hidden";
    public static final String READONLY = "readonly";

    public RoleAccess {
        actions = actions == null ? Set.of() : Set.copyOf(actions);
        scope = scope == null ? "own" : scope;
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    public boolean may(String action) {
        return actions.contains(action);
    }

    public boolean hidden(String fieldKey) {
        return HIDDEN.equals(fields.get(fieldKey));
    }

    /** Whether the role may write the field: neither hidden nor read-only. */
    public boolean editable(String fieldKey) {
        return !fields.containsKey(fieldKey);
    }
}
