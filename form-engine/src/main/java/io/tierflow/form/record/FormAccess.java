package io.tierflow.form.record;

import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RecordView;
import io.tierflow.form.model.RoleAccess;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks the caller's role against a form's permissions, below every entry point (API, pages, reports,
 * imports, exports). A form the role may not view does not exist for it (404); a missing action on a form it
 * can see is forbidden (403).
 */
public final class FormAccess {

    private FormAccess() {
    }

    public static RoleAccess require(Caller caller, FormDefinition form, String action) {
        RoleAccess access = form.permissions().access(caller.role());
        if (!access.may("view")) {
            throw Problem.notFound("form.not-found", form.key());
        }
        if (!access.may(action)) {
            throw Problem.forbidden("form.action.denied", action);
        }
        return access;
    }

    /** The record without the fields the role may not see. */
    public static RecordView visible(RecordView record, RoleAccess access) {
        if (access.fields().isEmpty()) {
            return record;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        record.values().forEach((k, v) -> {
            if (!access.hidden(k)) {
                values.put(k, v);
            }
        });
        return record.withValues(values);
    }
}
