package io.tierflow.form.record;

import io.tierflow.core.identity.Caller;
import java.util.List;

/**
 * The rows a caller may see, as a SQL predicate over a record table aliased {@code alias}: sales staff their
 * own, managers their own and their teams', admins all. Used by every read, write, report and export.
 */
public record RowScope(String sql, List<Object> params) {

    /** Every row: for the platform's own writes (effects), never for a caller. */
    public static RowScope all() {
        return new RowScope("true", List.of());
    }

    /** The caller's rows under the form's permissions for their role. */
    public static RowScope of(Caller caller, io.tierflow.form.model.FormDefinition form, String alias, int firstParam) {
        return of(caller, form.permissions().access(caller.role()).scope(), alias, firstParam);
    }

    /**
     * @param scope      {@code own}: the caller's records; {@code team}: also those of their team and of every team
     *                   they manage; {@code all}
     * @param firstParam the ordinal of the predicate's first parameter in the enclosing statement
     */
    public static RowScope of(Caller caller, String scope, String alias, int firstParam) {
        return switch (scope) {
            case "all" -> new RowScope("true", List.of());
            case "team" -> new RowScope("(" + alias + ".owner_id = ?" + firstParam + " OR " + alias + ".owner_id IN"
                    + " (SELECT u.id FROM app_user u JOIN team t ON t.id = u.team_id WHERE t.manager_id = ?"
                    + (firstParam + 1) + " OR t.id = (SELECT team_id FROM app_user WHERE id = ?" + (firstParam + 2) + ")))",
                    List.of(caller.id(), caller.id(), caller.id()));
            default -> new RowScope(alias + ".owner_id = ?" + firstParam, List.of(caller.id()));
        };
    }
}
