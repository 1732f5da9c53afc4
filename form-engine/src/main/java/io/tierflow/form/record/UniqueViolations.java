package io.tierflow.form.record;

import io.tierflow.core.error.Problem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.schema.RecordTableDdl;
import io.vertx.pgclient.PgException;

/**
 * Turns a unique-index violation (SQLSTATE 23505) into a 409 naming the duplicate field: the index names are
 * derived from field ids, so the constraint tells which field it is.
 */
public final class UniqueViolations {

    private UniqueViolations() {
    }

    public static Throwable translate(FormDefinition form, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String constraint = null;
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve) {
                constraint = cve.getConstraintName();
            } else if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                constraint = pg.getConstraint();
            }
            if (constraint != null) {
                for (FieldDefinition f : form.fields()) {
                    if (constraint.equals(RecordTableDdl.uniqueIndexName(form, f))) {
                        return Problem.conflict("form.value.duplicate", f.label()).field("values." + f.key(), "form.value.duplicate", f.label());
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return error;
    }
}
