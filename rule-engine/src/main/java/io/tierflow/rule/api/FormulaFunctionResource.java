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
import io.tierflow.rule.formula.PercentRank;

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
        List<FunctionView> views = new java.util.ArrayList<>(registry.all().stream().map(f -> view(f, l)).toList());
        // the aggregates over related records (a group of their own) and PERCENTRANK, parsed apart from the functions
        registry.aggregates().forEach(a -> views.add(new FunctionView(a.name(), FunctionGroup.RELATION.id(),
                FunctionGroup.RELATION.displayName(l), a.signature(), a.description(l), a.examples())));
        views.add(new FunctionView(PercentRank.NAME, FunctionGroup.SCORING.id(), FunctionGroup.SCORING.displayName(l),
                PercentRank.SIGNATURE, PercentRank.description(l), PercentRank.EXAMPLES));
        views.sort(Comparator.comparing((FunctionView v) -> FunctionGroup.valueOf(v.group().toUpperCase(Locale.ROOT)).ordinal())
                .thenComparing(FunctionView::name));
        return views;
    }

    static FunctionView view(FormulaFunction f, Locale l) {
        return new FunctionView(f.name(), f.group().id(), f.group().displayName(l), f.signature(), f.description(l),
                f.examples());
    }
}
