package io.tierflow.ui.rules;

import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RelatedForm;
import io.tierflow.form.schema.FormLinks;
import io.tierflow.rule.formula.FieldRef;
import io.tierflow.rule.formula.Link;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a formula editor offers besides the form's own fields: each related record's field ({@code customer.region},
 * kind {@code related}) and each list of records that link here ({@code orders}, kind {@code list}) with its fields
 * ({@code orders.amount}, read inside COUNT, SUM, …), labelled with the other form's labels.
 */
@ApplicationScoped
public class FormulaLinkNames {

    @Inject
    FormLinks links;

    public List<Map<String, Object>> of(FormDefinition form, Locale locale) {
        List<Map<String, Object>> names = new ArrayList<>();
        for (Link link : links.of(form)) {
            RelatedForm other = form.related().stream().filter(r -> r.table().equals(link.table())).findFirst().orElse(null);
            if (other == null) {
                continue;
            }
            String via = form.field(link.via().fieldId()).map(FieldDefinition::label).orElse(link.key());
            String prefix = link.kind() == Link.Kind.ONE ? via : other.key();
            if (link.kind() == Link.Kind.MANY) {
                names.add(name(link.key(), other.key(), "list", null, locale));
            }
            for (FieldRef f : link.target().fields()) {
                String label = other.fields().stream().filter(x -> x.id() == f.fieldId()).map(FieldDefinition::label)
                        .findFirst().orElse(f.key());
                names.add(name(link.key() + "." + f.key(), prefix + " · " + label,
                        link.kind() == Link.Kind.ONE ? "related" : "list", f, locale));
            }
        }
        return names;
    }

    private static Map<String, Object> name(String key, String label, String kind, FieldRef f, Locale locale) {
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("key", key);
        name.put("label", label);
        name.put("kind", kind);
        if (f != null) {
            name.put("type", f.type().name());
            name.put("typeName", f.type().displayName(locale));
        }
        return name;
    }
}
