package io.tierflow.form.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tierflow.core.error.Problem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.FormLayout;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.form.type.FormulaFieldType;
import io.tierflow.form.type.ResultTypedFieldType;
import io.tierflow.rule.formula.CompiledFormula;
import io.tierflow.rule.tier.TierModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A form as the designer has it before it is published, for checking a formula as the builder types it and
 * for previewing the record page: the draft's fields replace the saved ones (a field whose key is saved keeps
 * its id), fields of unknown types or without a usable key are left out, and each formula gets the result type
 * it would settle to. Nothing is stored.
 */
@ApplicationScoped
public class DraftForms {

    @Inject
    FieldTypes types;

    @Inject
    FormCompiler compiler;

    /** @param saved the form as stored, or {@code null} for a form that does not exist yet */
    public FormDefinition form(FormDefinition saved, List<FieldInput> drafts, FormLayout layout) {
        List<FieldDefinition> fields = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            FieldInput in = drafts.get(i);
            if (in == null || in.key() == null || !FormService.FIELD_KEY.matcher(in.key()).matches() || !keys.add(in.key())
                    || types.find(in.type()).isEmpty()) {
                continue;
            }
            FieldDefinition old = saved == null ? null : saved.field(in.key()).orElse(null);
            ObjectNode config = in.config() != null && in.config().isObject() ? ((ObjectNode) in.config()).deepCopy()
                    : JsonNodeFactory.instance.objectNode();
            String label = in.label() == null || in.label().isBlank() ? in.key() : in.label().strip();
            fields.add(new FieldDefinition(old == null ? -(i + 1) : old.id(), in.key(), label, old == null ? in.type() : old.type(),
                    Boolean.TRUE.equals(in.required()), config, fields.size()));
        }
        settleFormulaTypes(fields, saved);
        return saved == null
                ? new FormDefinition(0, "draft", "draft", 0, fields, new TierModel(List.of()), null, null, null, layout)
                : new FormDefinition(saved.id(), saved.key(), saved.name(), saved.revision(), fields, saved.tierModel(),
                        saved.approval(), saved.permissions(), saved.triggers(), layout).withRelated(saved.related());
    }

    /**
     * Checks {@code formula} against the draft's fields as the builder has them; formula fields whose own formula
     * does not compile yet are out of scope (reading one names it as unknown).
     */
    public CompiledFormula check(FormDefinition saved, List<FieldInput> drafts, String formula) {
        FormDefinition draft = form(saved, drafts, null);
        List<FieldDefinition> typed = draft.fields().stream()
                .filter(f -> !(types.get(f.type()) instanceof ResultTypedFieldType) || f.configText(ResultTypedFieldType.RESULT_TYPE) != null)
                .toList();
        return compiler.check(draft.with(typed, draft.tierModel()), formula);
    }

    /** Formulas may read formulas: each one is typed once the fields it reads are, until nothing more settles. */
    private void settleFormulaTypes(List<FieldDefinition> fields, FormDefinition saved) {
        List<FieldDefinition> pending = new ArrayList<>();
        List<FieldDefinition> scope = new ArrayList<>();
        for (FieldDefinition f : fields) {
            var type = types.get(f.type());
            if (type instanceof FormulaFieldType) {
                ((ObjectNode) f.config()).remove(ResultTypedFieldType.RESULT_TYPE);
                pending.add(f);
            } else if (!(type instanceof ResultTypedFieldType) || f.configText(ResultTypedFieldType.RESULT_TYPE) != null) {
                scope.add(f);
            }
        }
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            for (var it = pending.iterator(); it.hasNext();) {
                FieldDefinition f = it.next();
                JsonNode formula = f.config().get(FormulaFieldType.FORMULA);
                try {
                    CompiledFormula c = compiler.check(saved == null
                                    ? new FormDefinition(0, "draft", "draft", 0, scope, new TierModel(List.of()), null)
                                    : saved.with(scope, saved.tierModel()),
                            formula == null ? null : formula.asText());
                    ((ObjectNode) f.config()).put(ResultTypedFieldType.RESULT_TYPE, c.type().name());
                    scope.add(f);
                    it.remove();
                    progress = true;
                } catch (Problem notYet) {
                    // reads a formula not typed yet, or has a mistake: its own check names the mistake
                }
            }
        }
    }
}
