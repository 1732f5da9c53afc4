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
 * problem with its line and column, for editors that check as the builder types.
 */
@Path("/api/formulas/check")
@Authenticated
public class FormulaCheckResource {

    public record CheckRequest(String form, String formula) {
    }

    public record CheckResult(String type, List<String> fields) {
    }

    @Inject
    FormService forms;

    @Inject
    FormCompiler compiler;

    @POST
    public Uni<CheckResult> check(CheckRequest request) {
        if (request == null || request.form() == null || request.form().isBlank()) {
            throw Problem.invalid(List.of(new FieldProblem("form", "form.check.form-required")));
        }
        return forms.get(request.form()).map(form -> {
            CompiledFormula f = compiler.check(form, request.formula());
            return new CheckResult(f.type().name(), f.fields().stream().map(FieldRef::key).toList());
        });
    }
}
