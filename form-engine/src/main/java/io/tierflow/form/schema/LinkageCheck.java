package io.tierflow.form.schema;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.type.FieldType;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.form.type.Linkage;
import io.tierflow.form.type.RelationFieldType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Checks a field's data linkage when its form is saved: the other form exists, every matched pair names a field
 * on each side that can hold equal values (ours one people fill in, not the field itself), and the taken field
 * holds what this field can take. Problems carry paths under {@code fields[i].config.linkage}. The shape of the
 * setting is checked with the other common options ({@link io.tierflow.form.type.CommonOptions}).
 */
@ApplicationScoped
public class LinkageCheck {

    @Inject
    FormRepository forms;

    @Inject
    FieldTypes types;

    public Uni<Void> check(Mutiny.Session session, FormDefinition form, FieldDefinition field, String path,
            List<FieldProblem> problems) {
        Linkage linkage = Linkage.of(field).orElse(null);
        if (linkage == null || types.get(field.type()).computed()) {
            return Uni.createFrom().voidItem();
        }
        Uni<FormDefinition> target = linkage.form().equals(form.key()) ? Uni.createFrom().item(form)
                : forms.load(session, linkage.form()).onFailure(Problem.class).recoverWithNull();
        return target.invoke(other -> {
            if (other == null) {
                problems.add(new FieldProblem(path + ".form", "form.not-found", linkage.form()));
                return;
            }
            for (int j = 0; j < linkage.match().size(); j++) {
                Linkage.Pair pair = linkage.match().get(j);
                String at = path + ".match[" + j + "]";
                FieldDefinition ours = form.field(pair.ours()).orElse(null);
                FieldDefinition theirs = other.field(pair.theirs()).orElse(null);
                if (ours == null) {
                    problems.add(new FieldProblem(at + ".ours", "form.value.unknown-field", pair.ours()));
                } else if (ours.key().equals(field.key())) {
                    problems.add(new FieldProblem(at + ".ours", "form.linkage.self"));
                } else if (types.get(ours.type()).computed()) {
                    problems.add(new FieldProblem(at + ".ours", "form.linkage.ours-computed", ours.label()));
                }
                if (theirs == null) {
                    problems.add(new FieldProblem(at + ".theirs", "form.linkage.unknown-field", pair.theirs(), other.name()));
                }
                if (ours != null && theirs != null && !(fits(theirs, ours) && !multiple(ours))) {
                    problems.add(new FieldProblem(at + ".theirs", "form.linkage.match-type", theirs.label(), ours.label()));
                }
            }
            FieldDefinition take = other.field(linkage.take()).orElse(null);
            if (take == null) {
                problems.add(new FieldProblem(path + ".take", "form.linkage.unknown-field", linkage.take(), other.name()));
            } else if (!fits(take, field)) {
                problems.add(new FieldProblem(path + ".take", "form.linkage.take-type", take.label(), field.label()));
            }
        }).replaceWithVoid();
    }

    /**
     * Whether {@code from}'s values can be equal to or copied into {@code to}'s: the same kind of value, both one or
     * both several values; relations only between relations to the same form.
     */
    private boolean fits(FieldDefinition from, FieldDefinition to) {
        FieldType a = types.get(from.type());
        FieldType b = types.get(to.type());
        if (a instanceof RelationFieldType || b instanceof RelationFieldType) {
            return a instanceof RelationFieldType && b instanceof RelationFieldType
                    && Objects.equals(RelationFieldType.targetForm(from), RelationFieldType.targetForm(to))
                    && RelationFieldType.multiple(from) == RelationFieldType.multiple(to);
        }
        return a.valueType(from) == b.valueType(to) && multiple(from) == multiple(to);
    }

    private boolean multiple(FieldDefinition f) {
        return types.get(f.type()).columnType(f).endsWith("[]");
    }
}
