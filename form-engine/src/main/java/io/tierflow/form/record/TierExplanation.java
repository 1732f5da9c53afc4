package io.tierflow.form.record;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.model.TierOverride;
import io.tierflow.form.schema.FormCompiler;
import io.tierflow.form.schema.FormRepository;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.rule.formula.RelatedValues;
import io.tierflow.rule.tier.TierDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * "Why this tier", now: the published model evaluated for the record's current values, with each rule checked,
 * each score's dimensions (value, points, weight, contribution, thresholds crossed), the lifecycle stage, the
 * tags and an active override. Values of fields hidden from the caller's role are left out.
 */
@ApplicationScoped
public class TierExplanation {

    public record Explanation(String tier, int ruleVersion, String stage, List<String> tags, TierOverride tierOverride,
            List<Map<String, Object>> steps, List<Map<String, Object>> scores) {
    }

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    FormRepository forms;

    @Inject
    FormCompiler compiler;

    @Inject
    RecordService records;

    @Inject
    FieldTypes types;

    @Inject
    LinkedRecords linked;

    public Uni<Explanation> of(Caller caller, String formRef, long id) {
        return sessions.withSession(session -> forms.load(session, formRef).chain(def -> {
            RoleAccess access = FormAccess.require(caller, def, "view");
            return records.find(session, def, RowScope.of(caller, def, "r", 2), id, false)
                    .chain(r -> linked.load(session, def, compiler.compiled(def).tierModel().links(), r.values(), r.id())
                            .map(related -> explain(def, access, r, related)));
        }));
    }

    private Explanation explain(FormDefinition def, RoleAccess access, StoredRecord r, RelatedValues related) {
        Map<Long, Object> inputs = new HashMap<>();
        for (FieldDefinition f : def.fields()) {
            inputs.put(f.id(), types.get(f.type()).formulaValue(f, r.values().get(f.id())));
        }
        TierState state = TierState.of(r);
        TierDecision d = state.apply(compiler.compiled(def).tierModel().evaluate(inputs, related));
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Map<String, Object> step : d.explanation()) {
            Map<String, Object> shown = new LinkedHashMap<>(step);
            if (step.get("values") instanceof Map<?, ?> values) {
                Map<Object, Object> visible = new LinkedHashMap<>(values);
                visible.keySet().removeIf(k -> access.hidden(String.valueOf(k)));
                shown.put("values", visible);
            }
            steps.add(shown);
        }
        return new Explanation(d.tier(), def.ruleVersion(), r.stage(), r.tags(), state.override(), steps, scores(def, access, d));
    }

    /** A dimension whose value reads a field hidden from the caller (maybe through a score) shows its points only. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> scores(FormDefinition def, RoleAccess access, TierDecision d) {
        java.util.Set<String> hidden = compiler.compiled(def).tierModel().dimensionsReading(f -> access.hidden(f.key()));
        if (hidden.isEmpty()) {
            return d.scores();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> score : d.scores()) {
            Map<String, Object> s = new LinkedHashMap<>(score);
            List<Map<String, Object>> dims = new ArrayList<>();
            for (Map<String, Object> dim : (List<Map<String, Object>>) score.get("dimensions")) {
                Map<String, Object> m = new LinkedHashMap<>(dim);
                if (hidden.contains(String.valueOf(dim.get("key")))) {
                    m.put("value", null);
                    m.put("formula", null);
                    m.put("thresholdsCrossed", List.of());
                    m.remove("boundaries");
                }
                dims.add(m);
            }
            s.put("dimensions", dims);
            out.add(s);
        }
        return out;
    }
}
