package io.tierflow.form.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RelatedForm;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.rule.formula.Link;
import io.tierflow.rule.formula.RelatedValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Loads the related records a form's formulas read for one record, so that MVEL
 * sees what the SQL back end reads: the live record each ONE link points to, and the live records of each MANY
 * link oldest first. Forms without links cost nothing here.
 */
@ApplicationScoped
public class LinkedRecords {

    @Inject
    FieldTypes types;

    @Inject
    RecordRows rows;

    /**
     * What {@code links} (of {@code form}'s formulas) reach from a record with {@code values}; {@code id} null while
     * it is not stored yet (nothing links to it then). No links, no queries.
     */
    public Uni<RelatedValues> load(Mutiny.Session session, FormDefinition form, Set<Link> links, Map<Long, Object> values,
            Long id) {
        if (links.isEmpty()) {
            return Uni.createFrom().item(RelatedValues.NONE);
        }
        Map<String, Map<Long, Object>> ones = new HashMap<>();
        Map<String, List<Map<Long, Object>>> manys = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Link link : links) {
            RelatedForm other = form.related().stream().filter(r -> r.table().equals(link.table()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no related form for " + link.table()));
            if (link.kind() == Link.Kind.ONE) {
                List<Long> target = RelationValues.ids(values.get(link.via().fieldId()));
                if (!target.isEmpty()) {
                    chain = chain.chain(() -> NativeSql.texts(session, "SELECT to_jsonb(r)::text FROM " + link.table()
                            + " r WHERE r.id = ?1 AND r.deleted_at IS NULL", target.get(0))
                            .invoke(found -> found.forEach(json -> ones.put(link.key(), values(other, json)))).replaceWithVoid());
                }
            } else if (id != null) {
                String via = "r." + link.columns().get(link.via().fieldId());
                chain = chain.chain(() -> NativeSql.texts(session, "SELECT to_jsonb(r)::text FROM " + link.table()
                        + " r WHERE " + (link.viaIsArray() ? "?1 = ANY(" + via + ")" : via + " = ?1")
                        + " AND r.deleted_at IS NULL ORDER BY r.created_at, r.id", id)
                        .invoke(found -> manys.put(link.key(), found.stream().map(json -> values(other, json)).toList()))
                        .replaceWithVoid());
            }
        }
        return chain.replaceWith(() -> new RelatedValues() {
            @Override
            public Map<Long, Object> one(String linkKey) {
                return ones.get(linkKey);
            }

            @Override
            public List<Map<Long, Object>> many(String linkKey) {
                return manys.getOrDefault(linkKey, List.of());
            }
        });
    }

    /** A related row's values as formulas read them. */
    private Map<Long, Object> values(RelatedForm form, String json) {
        JsonNode row = rows.tree(json);
        Map<Long, Object> values = new HashMap<>();
        for (FieldDefinition f : form.fields()) {
            JsonNode v = row.get(f.column());
            Object value = v == null || v.isNull() ? null : types.get(f.type()).read(f, v);
            values.put(f.id(), types.get(f.type()).formulaValue(f, value));
        }
        return values;
    }
}
