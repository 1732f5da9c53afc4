package io.tierflow.form.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.form.schema.FormCompiler;
import io.tierflow.form.schema.FormService;
import io.tierflow.rule.formula.CompiledFormula;
import io.tierflow.rule.formula.FieldRef;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;

/**
 * Checks a formula against a form without saving anything: its result type and the fields it reads, or the
 * problem with its line and column, for editors that check as the builder types. The form designer also
 * sends its unsaved {@code fields} (as for {@code POST /api/forms}): they are checked with the saved form's
 * fields, or alone for a form that does not exist yet.
 */
@Path("/api/formulas/check")
@Authenticated
public class FormulaCheckResource {

    /** {@code tierModel}: a draft whose scores' and dimensions' keys the formula may read (the tier model editor). */
    public record CheckRequest(String form, String formula, List<io.tierflow.form.schema.FieldInput> fields,
            io.tierflow.rule.tier.TierModel tierModel) {
    }

    public record CheckResult(String type, List<String> fields) {
    }

    @Inject
    FormService forms;

    @Inject
    FormCompiler compiler;

    @Inject
    io.tierflow.form.schema.DraftForms drafts;

    @Inject
    DraftScores scores;

    @POST
    public Uni<CheckResult> check(CheckRequest request) {
        boolean noForm = request == null || request.form() == null || request.form().isBlank();
        if (noForm && (request == null || request.fields() == null)) {
            throw Problem.invalid(List.of(new FieldProblem("form", "form.check.form-required")));
        }
        if (request.fields() != null) {
            Uni<java.util.Optional<io.tierflow.form.model.FormDefinition>> saved = noForm ? Uni.createFrom().item(java.util.Optional.empty())
                    : forms.get(request.form()).map(java.util.Optional::of);
            return saved.map(form -> {
                CompiledFormula f = drafts.check(form.orElse(null), request.fields(), request.formula());
                return new CheckResult(f.type().name(), f.fields().stream().map(FieldRef::key).toList());
            });
        }
        return forms.get(request.form()).map(form -> {
            CompiledFormula f = request.tierModel() != null ? scores.check(form, request.formula(), request.tierModel()).formula()
                    : compiler.check(form, request.formula());
            return new CheckResult(f.type().name(), f.fields().stream().map(FieldRef::key).toList());
        });
    }
}
