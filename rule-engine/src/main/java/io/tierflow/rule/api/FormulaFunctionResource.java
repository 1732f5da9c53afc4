package io.tierflow.rule.api;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.tierflow.core.i18n.RequestLocale;
import io.tierflow.rule.formula.FormulaFunction;
import io.tierflow.rule.formula.FunctionRegistry;

/**
 * The functions formulas may call, for editors (autocomplete, help panel): each with its group, signature, description
 * and examples in the caller's language, ordered by group (logic, math, text, date, scoring, lists, other), then by
 * name. Only the functions the registry holds, i.e. exactly what {@code /api/formulas/check} accepts.
 */
@Path("/api/formulas/functions")
@Authenticated
public class FormulaFunctionResource {

    /**
     * One function: {@code group} is a stable id ({@code math}), {@code groupName} its name in the caller's language.
     */
    public record FunctionView(String name, String group, String groupName, String signature, String description,
                               List<String> examples) {
    }

    @Inject
    FunctionRegistry registry;

    @Inject
    RequestLocale locale;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<FunctionView> list() {
        Locale l = locale.get();
        return registry.all().stream()
                .sorted(Comparator.comparing((FormulaFunction f) -> f.group().ordinal())
                        .thenComparing(FormulaFunction::name))
                .map(f -> view(f, l))
                .toList();
    }

    static FunctionView view(FormulaFunction f, Locale l) {
        return new FunctionView(f.name(), f.group().id(), f.group().displayName(l), f.signature(), f.description(l),
                f.examples());
    }
}
