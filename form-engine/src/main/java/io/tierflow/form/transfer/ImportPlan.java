package io.tierflow.form.transfer;

import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.i18n.Messages;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.schema.CompiledForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything fixed for one import: who imports into which form with which access, the column mapping, the
 * options, the column that matches existing records ({@code upsert}, may be null) and the language of the report.
 */
record ImportPlan(long jobId, Caller caller, FormDefinition def, CompiledForm form, RoleAccess access,
        ColumnMapping mapping, ImportOptions options, ColumnMapping.Column upsert, Locale locale) {

    ImportError error(int row, ColumnMapping.Column column, String code, Object... args) {
        return new ImportError(row, column == null ? null : column.header(), column == null ? null : column.field().key(),
                code, Messages.text(locale, code, args));
    }

    /** A validation problem of {@code RecordInput} as row errors, each under the column of its field. */
    List<ImportError> errors(int row, Problem p) {
        List<ImportError> errors = new ArrayList<>();
        if (p.fields().isEmpty()) {
            errors.add(error(row, null, p.code(), p.args()));
            return errors;
        }
        for (FieldProblem f : p.fields()) {
            String key = f.field().startsWith("values.") ? f.field().substring("values.".length()) : f.field();
            ColumnMapping.Column column = mapping.column(key).orElse(null);
            errors.add(new ImportError(row, column == null ? null : column.header(), key, f.code(),
                    Messages.text(locale, f.code(), f.args())));
        }
        return errors;
    }
}
