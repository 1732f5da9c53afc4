package io.tierflow.form.schema;

import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RelatedForm;
import io.tierflow.form.type.FieldType;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.form.type.RelationFieldType;
import io.tierflow.rule.formula.FieldRef;
import io.tierflow.rule.formula.FormulaScope;
import io.tierflow.rule.formula.Link;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The related records a form's formulas may read, from the forms loaded with it ({@link FormDefinition#related}):
 * <ul>
 *   <li>through each of its single relation fields, the linked record's fields: {@code customer.region};</li>
 *   <li>the records of another form whose relation points here, named by that form's key
 *   ({@code SUM(orders.amount, orders.status == "paid")}); a form with several relations here gives one list per
 *   relation, {@code <form>_<relation>}. A name a relation field already uses is not given twice.</li>
 * </ul>
 * Fields a formula reads through a link are those read straight from their column; multi-valued ones (multi-select,
 * a sub-table, attachments) are read on the record itself or through a lookup.
 */
@ApplicationScoped
public class FormLinks {

    @Inject
    FieldTypes types;

    public List<Link> of(FormDefinition form) {
        Map<String, RelatedForm> byKey = new HashMap<>();
        form.related().forEach(r -> byKey.put(r.key(), r));
        List<Link> links = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (FieldDefinition relation : form.fields()) {
            RelatedForm target = byKey.get(RelationFieldType.targetForm(relation));
            if (types.get(relation.type()) instanceof RelationFieldType && !RelationFieldType.multiple(relation)
                    && target != null && names.add(relation.key())) {
                links.add(Link.of(relation.key(), Link.Kind.ONE, scope(target), ref(relation, ValueType.NUMBER),
                        target.table(), columns(target, null), false));
            }
        }
        for (RelatedForm child : form.related()) {
            List<FieldDefinition> relations = child.fields().stream()
                    .filter(f -> types.get(f.type()) instanceof RelationFieldType
                            && form.key().equals(RelationFieldType.targetForm(f)))
                    .toList();
            for (FieldDefinition relation : relations) {
                String name = relations.size() == 1 ? child.key() : child.key() + "_" + relation.key();
                if (names.add(name)) {
                    links.add(Link.of(name, Link.Kind.MANY, scope(child), ref(relation, ValueType.NUMBER),
                            child.table(), columns(child, relation), RelationFieldType.multiple(relation)));
                }
            }
        }
        return links;
    }

    private static FieldRef ref(FieldDefinition f, ValueType type) {
        return new FieldRef(f.key(), f.id(), type);
    }

    /** Whether formulas may read the field through a link: its column holds what a formula reads. */
    private boolean readable(FieldDefinition f) {
        FieldType type = types.get(f.type());
        return type.valueType(f) != ValueType.NULL && !type.columnType(f).endsWith("[]")
                && type.formulaSql(f, "c") == null;
    }

    private FormulaScope scope(RelatedForm form) {
        return FormulaScope.of(form.fields().stream().filter(this::readable)
                .map(f -> ref(f, types.get(f.type()).valueType(f))).toList());
    }

    private Map<Long, String> columns(RelatedForm form, FieldDefinition via) {
        Map<Long, String> columns = new HashMap<>();
        form.fields().stream().filter(this::readable).forEach(f -> columns.put(f.id(), f.column()));
        if (via != null) {
            columns.put(via.id(), via.column());
        }
        return columns;
    }
}
