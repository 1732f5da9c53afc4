package io.tierflow.form.schema;

import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.form.type.FormulaFieldType;
import io.tierflow.rule.formula.CompiledFormula;
import io.tierflow.rule.formula.FieldRef;
import io.tierflow.rule.formula.FormulaCompiler;
import io.tierflow.rule.formula.FormulaException;
import io.tierflow.rule.formula.FormulaScope;
import io.tierflow.rule.tier.CompiledTierModel;
import io.tierflow.rule.tier.TierModelCompiler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles a form's formulas in dependency order and its tier model. A formula that reads another formula
 * is compiled after it; formulas that can only wait on each other form a cycle, which is refused by name.
 */
@ApplicationScoped
public class FormCompiler {

    private static final String UNKNOWN_FIELD = "formula.unknown-field";

    private final Map<Long, CompiledForm> cache = new ConcurrentHashMap<>();

    @Inject
    FieldTypes types;

    @Inject
    FormulaCompiler formulas;

    @Inject
    TierModelCompiler tiers;

    @Inject
    FormLinks links;

    /** The compiled form for this revision; compiled once per revision and node. */
    public CompiledForm compiled(FormDefinition form) {
        CompiledForm cached = cache.get(form.id());
        if (cached != null && cached.definition().revision() == form.revision()
                && revisions(cached.definition()).equals(revisions(form))) {
            return cached;
        }
        CompiledForm fresh = compile(form, "fields");
        cache.put(form.id(), fresh);
        return fresh;
    }

    /** The related forms and their revisions: when one changes, formulas reading it are compiled again. */
    private static Map<Long, Long> revisions(FormDefinition form) {
        Map<Long, Long> revisions = new java.util.HashMap<>();
        form.related().forEach(r -> revisions.put(r.id(), r.revision()));
        return revisions;
    }

    /**
     * Compiles every formula and the tier model; errors carry field paths under {@code fieldsPath}
     * ({@code fields[2].config.formula}, {@code tierModel.rules[0].condition}).
     */
    public CompiledForm compile(FormDefinition form, String fieldsPath) {
        List<io.tierflow.rule.formula.Link> linked = links.of(form);
        java.util.function.Function<java.util.Collection<FieldRef>, FormulaScope> scopeOf =
                fields -> FormulaScope.of(fields).withLinks(linked);
        Map<String, FieldRef> scope = new LinkedHashMap<>();
        Map<Long, Integer> index = new LinkedHashMap<>();
        List<FieldDefinition> pending = new ArrayList<>();
        for (int i = 0; i < form.fields().size(); i++) {
            FieldDefinition f = form.fields().get(i);
            index.put(f.id(), i);
            if (types.get(f.type()) instanceof FormulaFieldType) {
                pending.add(f);
            } else {
                scope.put(f.key(), new FieldRef(f.key(), f.id(), types.get(f.type()).valueType(f)));
            }
        }
        List<CompiledForm.Computed> ordered = new ArrayList<>();
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (var it = pending.iterator(); it.hasNext();) {
                FieldDefinition f = it.next();
                String path = fieldsPath + "[" + index.get(f.id()) + "].config.formula";
                try {
                    CompiledFormula c = formulas.compile(f.configText(FormulaFieldType.FORMULA),
                            scopeOf.apply(scope.values()));
                    scope.put(f.key(), new FieldRef(f.key(), f.id(), c.type()));
                    ordered.add(new CompiledForm.Computed(f, c));
                    it.remove();
                    progress = true;
                } catch (FormulaException e) {
                    boolean waitsOnFormula = UNKNOWN_FIELD.equals(e.code()) && e.args().length > 0
                            && pending.stream().anyMatch(p -> p.key().equals(String.valueOf(e.args()[0])));
                    if (!waitsOnFormula) {
                        throw formulaProblem(path, e);
                    }
                }
            }
        }
        if (!pending.isEmpty()) {
            String cycle = String.join(" → ", pending.stream().map(FieldDefinition::key).toList());
            throw Problem.invalid(List.of(new FieldProblem(
                    fieldsPath + "[" + index.get(pending.get(0).id()) + "].config.formula", "form.formula.cycle", cycle)));
        }
        CompiledTierModel tierModel;
        try {
            tierModel = tiers.compile(form.tierModel(), scopeOf.apply(scope.values()));
        } catch (FormulaException e) {
            throw formulaProblem("tierModel." + (e.modelPath() == null ? "rules[0].condition" : e.modelPath()), e);
        }
        List<CompiledForm.Computed> defaults = new ArrayList<>();
        for (int i = 0; i < form.fields().size(); i++) {
            FieldDefinition f = form.fields().get(i);
            String formula = f.configText(io.tierflow.form.type.CommonOptions.DEFAULT_FORMULA);
            if (formula != null && !formula.isBlank()) {
                try {
                    defaults.add(new CompiledForm.Computed(f, formulas.compile(formula, scopeOf.apply(scope.values()))));
                } catch (FormulaException e) {
                    throw formulaProblem(fieldsPath + "[" + i + "].config.defaultFormula", e);
                }
            }
        }
        List<CompiledForm.Trigger> triggers = new ArrayList<>();
        for (int i = 0; i < form.triggers().size(); i++) {
            io.tierflow.form.trigger.TriggerRule rule = form.triggers().get(i);
            CompiledFormula condition = null;
            if (rule.condition() != null && !rule.condition().isBlank()) {
                try {
                    condition = formulas.compile(rule.condition(), scopeOf.apply(scope.values()));
                } catch (FormulaException e) {
                    throw formulaProblem("triggers[" + i + "].condition", e);
                }
                if (condition.type() != io.tierflow.rule.formula.ValueType.BOOLEAN) {
                    throw Problem.invalid(List.of(new FieldProblem("triggers[" + i + "].condition", "form.trigger.not-boolean")));
                }
            }
            triggers.add(new CompiledForm.Trigger(rule, condition));
        }
        return new CompiledForm(form, List.copyOf(ordered), tierModel, List.copyOf(defaults), List.copyOf(triggers),
                visibility(form, FormulaScope.of(scope.values()), fieldsPath));
    }

    /**
     * The fields shown only while their {@code visibleWhen} is true: a yes/no formula over the other fields
     * (formula fields included), never over the field itself, nor over related records: the page re-checks it as
     * the user types, without loading them.
     */
    private List<CompiledForm.Computed> visibility(FormDefinition form, FormulaScope scope, String fieldsPath) {
        List<CompiledForm.Computed> conditions = new ArrayList<>();
        for (int i = 0; i < form.fields().size(); i++) {
            FieldDefinition f = form.fields().get(i);
            String condition = f.configText(io.tierflow.form.type.CommonOptions.VISIBLE_WHEN);
            if (condition == null || condition.isBlank()) {
                continue;
            }
            String path = fieldsPath + "[" + i + "].config.visibleWhen";
            CompiledFormula compiled;
            try {
                compiled = formulas.compile(condition, scope);
            } catch (FormulaException e) {
                throw formulaProblem(path, e);
            }
            if (compiled.fieldIds().contains(f.id())) {
                throw Problem.invalid(List.of(new FieldProblem(path, "form.visibility.self", f.label())));
            }
            if (compiled.type() != io.tierflow.rule.formula.ValueType.BOOLEAN) {
                throw Problem.invalid(List.of(new FieldProblem(path, "form.visibility.not-boolean")));
            }
            conditions.add(new CompiledForm.Computed(f, compiled));
        }
        return List.copyOf(conditions);
    }

    /**
     * Checks a formula against a saved form, as a builder types it: every field is in scope, formula fields with
     * the result type the form settled. Errors carry the path {@code formula}.
     */
    public CompiledFormula check(FormDefinition form, String formula) {
        if (formula == null || formula.isBlank()) {
            throw Problem.invalid(List.of(new FieldProblem("formula", "form.field.formula-required")));
        }
        List<FieldRef> scope = form.fields().stream()
                .map(f -> new FieldRef(f.key(), f.id(), types.get(f.type()).valueType(f))).toList();
        try {
            return formulas.compile(formula, FormulaScope.of(scope).withLinks(links.of(form)));
        } catch (FormulaException e) {
            throw formulaProblem("formula", e);
        }
    }

    /** The result type of every formula field, by field id, as {@link #compile} settled it. */
    public static Map<Long, String> resultTypes(CompiledForm form) {
        Map<Long, String> types = new LinkedHashMap<>();
        form.formulas().forEach(c -> types.put(c.field().id(), c.formula().type().name()));
        return types;
    }

    static Problem formulaProblem(String path, FormulaException e) {
        return Problem.invalid(List.of(new FieldProblem(path, "form.formula.invalid",
                (io.tierflow.core.i18n.LocalizedArgument) e::message)))
                .with("line", e.line()).with("column", e.column()).with("formulaCode", e.code());
    }
}
