package io.tierflow.form.schema;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.db.OrdinalParams;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.record.RecordColumns;
import io.tierflow.form.record.RecordFilter;
import io.tierflow.form.type.FieldType;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.form.type.LookupFieldType;
import io.tierflow.form.type.RelationFieldType;
import io.tierflow.form.type.ResultTypedFieldType;
import io.tierflow.form.type.RollupFieldType;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Checks the fields that reach into other forms when a form is saved: a relation's target form exists, a
 * lookup names a many-to-one relation of this form and a field of its target, a rollup names a child form whose
 * relation points here and a field its function can aggregate, and its filter is valid. It settles the value
 * type of lookups and rollups ({@code config.resultType}) so formulas can read them. Data linkage settings reach
 * into other forms too: {@link LinkageCheck}.
 */
@ApplicationScoped
public class RelationResolver {

    static final RoleAccess EVERYTHING = new RoleAccess(Set.copyOf(RoleAccess.ACTIONS), "all", Map.of());

    @Inject
    FormRepository forms;

    @Inject
    FieldTypes types;

    @Inject
    LinkageCheck linkages;

    public Uni<Void> resolve(Mutiny.Session session, FormDefinition form, String fieldsPath) {
        List<FieldProblem> problems = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < form.fields().size(); i++) {
            FieldDefinition f = form.fields().get(i);
            FieldType type = types.get(f.type());
            String path = fieldsPath + "[" + i + "].config";
            if (type instanceof RelationFieldType) {
                chain = chain.chain(() -> target(session, form, RelationFieldType.targetForm(f), path + ".form", problems).replaceWithVoid());
            } else if (type instanceof LookupFieldType) {
                chain = chain.chain(() -> lookup(session, form, f, path, problems));
            } else if (type instanceof RollupFieldType) {
                chain = chain.chain(() -> rollup(session, form, f, path, problems));
            }
            chain = chain.chain(() -> linkages.check(session, form, f, path + ".linkage", problems));
        }
        return chain.invoke(() -> {
            if (!problems.isEmpty()) {
                throw Problem.invalid(problems);
            }
        });
    }

    private Uni<Void> lookup(Mutiny.Session session, FormDefinition form, FieldDefinition f, String path, List<FieldProblem> problems) {
        FieldDefinition relation = form.field(f.configText(LookupFieldType.RELATION))
                .filter(r -> types.get(r.type()) instanceof RelationFieldType && !RelationFieldType.multiple(r)).orElse(null);
        if (relation == null) {
            problems.add(new FieldProblem(path + ".relation", "form.lookup.relation"));
            return Uni.createFrom().voidItem();
        }
        return target(session, form, RelationFieldType.targetForm(relation), path + ".relation", problems).chain(target -> {
            if (target == null) {
                return Uni.createFrom().voidItem();
            }
            FieldDefinition field = target.field(f.configText(LookupFieldType.FIELD)).orElse(null);
            if (field == null || types.get(field.type()) instanceof RelationFieldType) {
                problems.add(new FieldProblem(path + ".field", "form.lookup.field", String.valueOf(f.configText(LookupFieldType.FIELD))));
                return Uni.createFrom().voidItem();
            }
            return storeResultType(session, f, types.get(field.type()).valueType(field));
        });
    }

    private Uni<Void> rollup(Mutiny.Session session, FormDefinition form, FieldDefinition f, String path, List<FieldProblem> problems) {
        return target(session, form, f.configText(RollupFieldType.FORM), path + ".form", problems).chain(child -> {
            if (child == null) {
                return Uni.createFrom().voidItem();
            }
            FieldDefinition relation = child.field(f.configText(RollupFieldType.RELATION))
                    .filter(r -> types.get(r.type()) instanceof RelationFieldType && form.key().equals(RelationFieldType.targetForm(r)))
                    .orElse(null);
            if (relation == null) {
                problems.add(new FieldProblem(path + ".relation", "form.rollup.relation", form.key()));
                return Uni.createFrom().voidItem();
            }
            String function = RollupFieldType.function(f);
            ValueType result = ValueType.NUMBER;
            if (!function.equals("count")) {
                FieldDefinition field = child.field(f.configText(RollupFieldType.FIELD)).orElse(null);
                ValueType fieldType = field == null ? null : types.get(field.type()).valueType(field);
                boolean numeric = fieldType == ValueType.NUMBER;
                boolean ordered = numeric || fieldType == ValueType.DATE || fieldType == ValueType.DATETIME;
                boolean fits = field != null && !(types.get(field.type()) instanceof RelationFieldType)
                        && (function.equals("latest") || (function.equals("sum") || function.equals("avg") ? numeric : ordered));
                if (!fits) {
                    problems.add(new FieldProblem(path + ".field", "form.rollup.field", function));
                    return Uni.createFrom().voidItem();
                }
                result = function.equals("sum") || function.equals("avg") ? ValueType.NUMBER : fieldType;
            }
            if (f.config().hasNonNull(RollupFieldType.FILTER)) {
                try {
                    RecordFilter.where(child, new RecordColumns(child, types, EVERYTHING), f.config().get(RollupFieldType.FILTER),
                            new OrdinalParams());
                } catch (Problem p) {
                    p.fields().forEach(e -> problems.add(new FieldProblem(path + "." + e.field(), e.code(), e.args())));
                    return Uni.createFrom().voidItem();
                }
            }
            return storeResultType(session, f, result);
        });
    }

    private Uni<FormDefinition> target(Mutiny.Session session, FormDefinition form, String key, String path, List<FieldProblem> problems) {
        if (key == null || key.isBlank()) {
            problems.add(new FieldProblem(path, "form.relation.form-required"));
            return Uni.createFrom().nullItem();
        }
        if (key.equals(form.key())) {
            return Uni.createFrom().item(form);
        }
        return forms.load(session, key).onFailure(Problem.class).recoverWithItem(e -> {
            problems.add(new FieldProblem(path, "form.not-found", key));
            return null;
        });
    }

    private static Uni<Void> storeResultType(Mutiny.Session session, FieldDefinition f, ValueType type) {
        return NativeSql.update(session, "UPDATE form_field SET config = jsonb_set(config, '{" + ResultTypedFieldType.RESULT_TYPE
                + "}', to_jsonb(CAST(?1 AS text))) WHERE id = ?2", type.name(), f.id()).replaceWithVoid();
    }
}
