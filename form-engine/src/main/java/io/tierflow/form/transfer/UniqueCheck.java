package io.tierflow.form.transfer;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.record.StoredRecord;
import io.tierflow.form.type.CommonOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Checks a row against the form's unique fields (alone or with their {@code uniqueWith} fields) before it is
 * written. The unique indexes enforce the same rule, but a refused statement dooms the whole transaction (the
 * reactive client rolls it back on commit), which would take every other row of the batch with it; checked
 * first, a duplicate fails its own row only. Only a concurrent writer can still slip past, and then the index
 * refuses the batch.
 */
final class UniqueCheck {

    private UniqueCheck() {
    }

    /**
     * @param pending for rows that are only checked (not written): values that earlier rows of the file would
     *                create, since those are not in the table; null when rows are written
     */
    static Uni<List<ImportError>> duplicates(Mutiny.Session session, ImportPlan plan, ImportedSheet.Row row,
            boolean creating, StoredRecord current, Map<Long, Object> parsed, ImportTally pending) {
        FormDefinition def = plan.def();
        List<ImportError> duplicates = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (FieldDefinition f : def.fields()) {
            if (!CommonOptions.unique(f) && CommonOptions.uniqueWith(f).isEmpty()) {
                continue;
            }
            List<FieldDefinition> group = new ArrayList<>(List.of(f));
            CommonOptions.uniqueWith(f).forEach(key -> def.field(key).ifPresent(group::add));
            if (group.stream().noneMatch(g -> parsed.containsKey(g.id()))) {
                continue; // the row does not touch this constraint
            }
            List<Object> values = new ArrayList<>();
            for (FieldDefinition g : group) {
                values.add(parsed.containsKey(g.id()) ? parsed.get(g.id()) : current == null ? null : current.values().get(g.id()));
            }
            if (values.contains(null)) {
                continue; // like the index: an empty value is never a duplicate
            }
            ImportError error = plan.error(row.number(), column(plan, group).orElse(null), "form.value.duplicate", f.label());
            if (pending != null && creating && !pending.claimUnique(f.id(), values)) {
                duplicates.add(error);
                continue;
            }
            // every live record counts, visible to the importer or not: the index does not know row scope either
            StringBuilder sql = new StringBuilder("SELECT count(*) FROM " + def.table() + " r WHERE r.deleted_at IS NULL");
            for (int i = 0; i < group.size(); i++) {
                sql.append(" AND r.").append(group.get(i).column()).append(" = ?").append(i + 1);
            }
            sql.append(" AND r.id <> ?").append(group.size() + 1);
            List<Object> params = new ArrayList<>(values);
            params.add(current == null ? 0L : current.id());
            chain = chain.chain(() -> NativeSql.number(session, sql.toString(), params.toArray()).invoke(n -> {
                if (n != null && n > 0) {
                    duplicates.add(error);
                }
            }).replaceWithVoid());
        }
        return chain.map(x -> duplicates);
    }

    /** The file's column for the first field of the group that has one. */
    private static Optional<ColumnMapping.Column> column(ImportPlan plan, List<FieldDefinition> group) {
        return group.stream().map(g -> plan.mapping().column(g.key())).flatMap(Optional::stream).findFirst();
    }
}
