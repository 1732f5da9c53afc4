package io.tierflow.form.record;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.schema.FormCompiler;
import io.tierflow.form.schema.FormRepository;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.form.type.LookupFieldType;
import io.tierflow.form.type.RelationFieldType;
import io.tierflow.form.type.RollupFieldType;
import io.tierflow.rule.formula.Link;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * After a record changes, the records whose values depend on it are recomputed in the same transaction: the
 * parents whose rollups aggregate it (an order changes → its customer's order total, formulas and tier) and the
 * children whose lookups read it, and the records whose formulas read it through a relation (an aggregate over
 * orders, a customer's field). Cascades stop at {@link #MAX_DEPTH} levels.
 */
@ApplicationScoped
public class RelationPropagation {

    static final int MAX_DEPTH = 3;

    @Inject
    FormRepository forms;

    @Inject
    FormCompiler compiler;

    @Inject
    FieldTypes types;

    @Inject
    RollupFieldType rollups;

    @Inject
    LookupFieldType lookups;

    @Inject
    RecordRows rows;

    @Inject
    RecordWriter writer;

    /** @param before the record before the write (null when created); {@code after} null when it left (trash) */
    public Uni<Void> after(Mutiny.Session session, FormDefinition form, StoredRecord before, StoredRecord after, Long actorId,
            int depth) {
        if (depth >= MAX_DEPTH) {
            return Uni.createFrom().voidItem();
        }
        return dependents(session, form).chain(all -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (FormDefinition other : all) {
                Set<Long> parents = new LinkedHashSet<>();
                for (FieldDefinition f : other.fields()) {
                    if (types.get(f.type()) instanceof RollupFieldType && form.key().equals(f.configText(RollupFieldType.FORM))) {
                        parents.addAll(parents(form, f.configText(RollupFieldType.RELATION), before, after));
                    }
                }
                // formulas aggregating this form's records (SUM(orders.amount, …)) read them through a relation of this form
                for (Link link : compiler.compiled(other).links()) {
                    if (link.kind() == Link.Kind.MANY && link.table().equals(form.table())) {
                        form.field(link.via().fieldId()).ifPresent(via -> parents.addAll(parents(form, via.key(), before, after)));
                    }
                }
                for (Long parent : parents) {
                    chain = chain.chain(() -> recompute(session, other, parent, actorId, depth));
                }
                chain = chain.chain(() -> lookupsOf(session, other, form, before == null ? after : before, actorId, depth));
            }
            return chain;
        });
    }

    /**
     * The forms whose rollups aggregate {@code form} or whose lookups read it: usually none, so most writes
     * cost one indexed query here instead of loading every form.
     */
    private Uni<List<FormDefinition>> dependents(Mutiny.Session session, FormDefinition form) {
        return NativeSql.texts(session, "SELECT DISTINCT CAST(f.id AS text) FROM form f JOIN form_field x ON x.form_id = f.id"
                + " WHERE f.deleted_at IS NULL AND x.deleted_at IS NULL AND ((x.type = ?1 AND x.config->>'" + RollupFieldType.FORM
                + "' = ?3) OR (x.type = ?2 AND EXISTS (SELECT 1 FROM form_field r WHERE r.form_id = f.id AND r.deleted_at IS NULL"
                + " AND r.key = x.config->>'" + LookupFieldType.RELATION + "' AND r.config->>'" + RelationFieldType.FORM + "' = ?3))"
                // forms whose formulas may read this one through a relation, either way (kept if they do)
                + " OR (x.type = ?4 AND x.config->>'" + RelationFieldType.FORM + "' = ?3) OR EXISTS (SELECT 1 FROM form_field y"
                + " WHERE y.form_id = ?5 AND y.type = ?4 AND y.deleted_at IS NULL AND y.config->>'" + RelationFieldType.FORM
                + "' = f.key))", rollups.id(), lookups.id(), form.key(), "relation", form.id())
                .chain(ids -> {
                    List<FormDefinition> found = new java.util.ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String id : ids) {
                        chain = chain.chain(() -> forms.load(session, Long.parseLong(id)).invoke(found::add).replaceWithVoid());
                    }
                    return chain.replaceWith(found);
                });
    }

    private Set<Long> parents(FormDefinition child, String relationKey, StoredRecord before, StoredRecord after) {
        Set<Long> ids = new LinkedHashSet<>();
        child.field(relationKey).ifPresent(relation -> {
            for (StoredRecord r : new StoredRecord[] {before, after}) {
                if (r != null) {
                    ids.addAll(RelationValues.ids(r.values().get(relation.id())));
                }
            }
        });
        return ids;
    }

    /** Children of {@code other} whose lookups read the changed record through a relation to {@code form}. */
    private Uni<Void> lookupsOf(Mutiny.Session session, FormDefinition other, FormDefinition form, StoredRecord changed,
            Long actorId, int depth) {
        if (changed == null) {
            return Uni.createFrom().voidItem();
        }
        Set<String> relations = new LinkedHashSet<>();
        for (FieldDefinition f : other.fields()) {
            if (types.get(f.type()) instanceof LookupFieldType) {
                other.field(f.configText(LookupFieldType.RELATION))
                        .filter(r -> form.key().equals(RelationFieldType.targetForm(r)))
                        .ifPresent(r -> relations.add(r.column()));
            }
        }
        // formulas reading the changed record's fields (customer.region) through a relation of theirs
        for (Link link : compiler.compiled(other).links()) {
            if (link.kind() == Link.Kind.ONE && link.table().equals(form.table())) {
                other.field(link.via().fieldId()).ifPresent(r -> relations.add(r.column()));
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String column : relations) {
            chain = chain.chain(() -> NativeSql.texts(session, "SELECT CAST(r.id AS text) FROM " + other.table() + " r WHERE r."
                    + column + " = ?1 AND r.deleted_at IS NULL", changed.id())
                    .chain(ids -> {
                        Uni<Void> each = Uni.createFrom().voidItem();
                        for (String id : ids) {
                            each = each.chain(() -> recompute(session, other, Long.parseLong(id), actorId, depth));
                        }
                        return each;
                    }));
        }
        return chain;
    }

    private Uni<Void> recompute(Mutiny.Session session, FormDefinition form, long id, Long actorId, int depth) {
        return NativeSql.text(session, "SELECT to_jsonb(r)::text FROM " + form.table() + " r WHERE r.id = ?1"
                + " AND r.deleted_at IS NULL FOR UPDATE", id)
                .chain(json -> json == null ? Uni.createFrom().voidItem()
                        : writer.update(session, compiler.compiled(form), actorId, rows.read(form, json), Map.of(), "related", depth + 1)
                                .replaceWithVoid());
    }
}
