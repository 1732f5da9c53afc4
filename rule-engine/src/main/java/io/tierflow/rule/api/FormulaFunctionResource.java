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
import io.tierflow.rule.formula.FunctionGroup;
import io.tierflow.rule.formula.FunctionRegistry;

/**
 * The functions formulas may call, for editors (autocomplete, help panel): each with its group, signature, description
 * and examples in the caller's language, ordered by group (logic, math, text, date, scoring, lists, other), then by
 * name; the aggregates over related records (COUNT, SUM… of a related list) form the group {@code relation}. Only what the registry holds, i.e. exactly what {@code /api/formulas/check} accepts.
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
        List<FunctionView> views = new java.util.ArrayList<>(registry.all().stream()
                .sorted(Comparator.comparing((FormulaFunction f) -> f.group().ordinal())
                        .thenComparing(FormulaFunction::name))
                .map(f -> view(f, l))
                .toList());
        // the aggregates over related records, listed after the lists group like a group of their own
        int at = (int) views.stream().filter(v -> FunctionGroup.valueOf(v.group().toUpperCase(Locale.ROOT)).ordinal()
                <= FunctionGroup.LIST.ordinal()).count();
        views.addAll(at, registry.aggregates().stream().map(a -> new FunctionView(a.name(), FunctionGroup.RELATION.id(),
                FunctionGroup.RELATION.displayName(l), a.signature(), a.description(l), a.examples())).toList());
        return views;
    }

    static FunctionView view(FormulaFunction f, Locale l) {
        return new FunctionView(f.name(), f.group().id(), f.group().displayName(l), f.signature(), f.description(l),
                f.examples());
    }
}
