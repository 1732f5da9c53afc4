package io.tierflow.form.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.db.OrdinalParams;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.i18n.RequestLocale;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.record.FormAccess;
import io.tierflow.form.record.RecordRows;
import io.tierflow.form.record.RowScope;
import io.tierflow.form.record.StoredRecord;
import io.tierflow.form.schema.FormRepository;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.rule.formula.CompiledFormula;
import io.tierflow.rule.formula.FieldRef;
import io.tierflow.rule.formula.FormulaEvaluationException;
import io.tierflow.rule.formula.RelatedValues;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * What a formula gives for one real record, for editors that show a preview as the builder types:
 * {@code {form, formula, record?}} → the value for that record, or for the form's most recently changed record
 * the caller may see when {@code record} is left out ({@code record: null} in the answer when there is none).
 * Nothing is written. The caller must be allowed to view the form (else 404) and the record (else 404, as
 * everywhere); a formula that reads a field hidden from the caller's role is refused, so a preview cannot reveal
 * it. A bad formula is the same problem+json as {@code /api/formulas/check} (path {@code formula}, line, column).
 * A formula that fails for this record's values (a value out of range, say) answers 200 with {@code error}:
 * saving that record would leave the formula empty, which is what the preview shows.
 */
@Path("/api/formulas/preview")
@Authenticated
public class FormulaPreviewResource {

    /** {@code tierModel}: a draft whose scores the formula may read; they are computed for the record first. */
    public record PreviewRequest(String form, String formula, Long record, io.tierflow.rule.tier.TierModel tierModel) {
    }

    /** The record the value was computed for: its id and display title. */
    public record PreviewRecord(long id, String title) {
    }

    /**
     * @param type   the formula's result type ({@code NUMBER}, {@code TEXT}, …)
     * @param value  the value (a number, text, boolean, ISO date or time) or null
     * @param text   the value as plain text ({@code null} when empty), numbers without exponent
     * @param inputs the values the formula read, by field key
     * @param error  why the formula could not be computed for this record, in the caller's language, or null
     */
    public record PreviewResult(PreviewRecord record, String type, Object value, String text, Map<String, Object> inputs,
            String error) {
    }

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    FormRepository forms;

    @Inject
    DraftScores scores;

    @Inject
    FieldTypes types;

    @Inject
    RecordRows rows;

    @Inject
    io.tierflow.form.record.LinkedRecords linked;

    @Inject
    SecurityIdentity identity;

    @Inject
    RequestLocale locale;

    @POST
    public Uni<PreviewResult> preview(PreviewRequest request) {
        if (request == null || request.form() == null || request.form().isBlank()) {
            throw Problem.invalid(List.of(new FieldProblem("form", "form.check.form-required")));
        }
        Caller caller = Caller.of(identity);
        return sessions.withSession(session -> forms.load(session, request.form()).chain(form -> {
            RoleAccess access = FormAccess.require(caller, form, "view");
            DraftScores.Checked checked = scores.check(form, request.formula(), request.tierModel());
            CompiledFormula formula = checked.formula();
            for (FieldRef read : formula.fields()) {
                if (read.fieldId() > 0 && access.hidden(read.key())) {
                    throw Problem.invalid(List.of(new FieldProblem("formula", "form.preview.hidden-field", read.key())));
                }
            }
            // a score reads fields too: none of them may be hidden from the caller
            for (var d : checked.derived()) {
                for (FieldRef read : d.formula().fields()) {
                    if (read.fieldId() > 0 && access.hidden(read.key())) {
                        throw Problem.invalid(List.of(new FieldProblem("formula", "form.preview.hidden-field", read.key())));
                    }
                }
            }
            return record(session, caller, form, request.record()).chain(stored -> stored == null
                    ? Uni.createFrom().item(result(form, access, checked, null, RelatedValues.NONE))
                    : linked.load(session, form, checked.links(), stored.values(), stored.id())
                            .map(related -> result(form, access, checked, stored, related)));
        }));
    }

    /** The given record, or the latest changed one, within the caller's rows; live records only. */
    private Uni<StoredRecord> record(Mutiny.Session session, Caller caller, FormDefinition form, Long id) {
        OrdinalParams params = new OrdinalParams();
        StringBuilder sql = new StringBuilder("SELECT to_jsonb(r)::text FROM " + form.table() + " r WHERE r.deleted_at IS NULL");
        if (id != null) {
            sql.append(" AND r.id = ").append(params.bind(id));
        }
        RowScope scope = RowScope.of(caller, form, "r", params.next());
        params.addAll(scope.params());
        sql.append(" AND ").append(scope.sql()).append(" ORDER BY r.updated_at DESC, r.id DESC LIMIT 1");
        return NativeSql.texts(session, sql.toString(), params.toArray()).map(found -> {
            if (found.isEmpty()) {
                if (id != null) {
                    throw Problem.notFound("form.record.not-found", id);
                }
                return null;
            }
            return rows.read(form, found.get(0));
        });
    }

    private PreviewResult result(FormDefinition form, RoleAccess access, DraftScores.Checked checked, StoredRecord stored,
            RelatedValues related) {
        CompiledFormula formula = checked.formula();
        String type = formula.type().name();
        if (stored == null) {
            return new PreviewResult(null, type, null, null, Map.of(), null);
        }
        // as the write pipeline reads them: plain values (a multi-select as its keys joined by ",")
        Map<Long, Object> plain = new HashMap<>();
        for (FieldDefinition f : form.fields()) {
            plain.put(f.id(), types.get(f.type()).formulaValue(f, stored.values().get(f.id())));
        }
        Map<Long, Object> inputs = checked.withScores(plain, related);
        String title = form.titleField().filter(f -> !access.hidden(f.key())).map(f -> stored.values().get(f.id()))
                .map(Object::toString).orElse("#" + stored.id());
        PreviewRecord record = new PreviewRecord(stored.id(), title);
        try {
            Map<String, Object> read = formula.inputs(inputs);
            Object value = formula.evaluate(inputs, related);
            return new PreviewResult(record, type, value, text(value), read, null);
        } catch (FormulaEvaluationException e) {
            return new PreviewResult(record, type, null, null, Map.of(), e.message(locale.get()));
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
