package io.tierflow.form.schema;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.form.type.CommonOptions;
import io.tierflow.form.type.FieldTypes;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * DDL for record tables. Table and column names come from ids and column types from field types, never
 * from user text; it runs in the caller's transaction, so a failed form save leaves no table behind.
 */
@ApplicationScoped
public class RecordTableDdl {

    /** Lifecycle stage, tags and tier override: system columns of every record table (see V3_6_0). */
    public static final String TIER_STATE_COLUMNS = "stage text, tags text[] NOT NULL DEFAULT '{}',"
            + " tier_override text, tier_override_until timestamptz, tier_override_reason text";

    @Inject
    FieldTypes types;

    public Uni<Void> createTable(Mutiny.Session session, FormDefinition form) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(form.table()).append(" (")
                .append("id bigserial PRIMARY KEY, owner_id bigint NOT NULL REFERENCES app_user (id),")
                .append(" created_by bigint, created_at timestamptz NOT NULL DEFAULT now(),")
                .append(" updated_by bigint, updated_at timestamptz NOT NULL DEFAULT now(),")
                .append(" version bigint NOT NULL DEFAULT 1, deleted_at timestamptz, tier text, ").append(TIER_STATE_COLUMNS);
        for (FieldDefinition f : form.fields()) {
            sql.append(", ").append(f.column()).append(' ').append(types.get(f.type()).columnType(f));
        }
        sql.append(')');
        return NativeSql.update(session, sql.toString())
                .chain(() -> NativeSql.update(session, "CREATE INDEX " + form.table() + "_owner ON " + form.table() + " (owner_id)"))
                .chain(() -> NativeSql.update(session, "CREATE INDEX " + form.table() + "_tier ON " + form.table() + " (tier)"))
                .chain(() -> NativeSql.update(session, "CREATE INDEX " + form.table() + "_override ON " + form.table()
                        + " (tier_override_until) WHERE tier_override IS NOT NULL"))
                .chain(() -> searchIndexes(session, form, form.fields()))
                .chain(() -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (FieldDefinition f : form.fields()) {
                        chain = chain.chain(() -> uniqueIndex(session, form, f));
                    }
                    return chain;
                })
                .replaceWithVoid();
    }

    /**
     * (Re)creates the field's unique index over live records, alone or with its {@code uniqueWith} fields;
     * drops it when the field is no longer unique. Existing duplicates refuse the change by name.
     */
    public Uni<Void> uniqueIndex(Mutiny.Session session, FormDefinition form, FieldDefinition field) {
        String name = uniqueIndexName(form, field);
        List<String> with = CommonOptions.uniqueWith(field);
        boolean unique = CommonOptions.unique(field) || !with.isEmpty();
        // only touch indexes that exist or must: no notices for every field of every new form
        Uni<Void> drop = NativeSql.number(session, "SELECT count(*) FROM pg_indexes WHERE indexname = ?1", name)
                .chain(n -> n > 0 ? NativeSql.update(session, "DROP INDEX " + name).replaceWithVoid() : Uni.createFrom().voidItem());
        if (!unique) {
            return drop;
        }
        List<String> columns = new java.util.ArrayList<>(List.of(field.column()));
        for (String key : with) {
            FieldDefinition other = form.field(key).orElseThrow(() -> Problem.invalid(List.of(
                    new FieldProblem("fields." + field.key() + ".config.uniqueWith", "form.value.unknown-field", key))));
            columns.add(other.column());
        }
        return drop.chain(() -> NativeSql.update(session, "CREATE UNIQUE INDEX " + name + " ON " + form.table() + " ("
                        + String.join(", ", columns) + ") WHERE deleted_at IS NULL")
                .onFailure().transform(e -> Problem.conflict("form.unique.existing-duplicates", field.label())
                        .field("fields." + field.key() + ".config.unique", "form.unique.existing-duplicates", field.label())))
                .replaceWithVoid();
    }

    /** Derived from ids, so a violation names its field: {@code rec_7_f_12_unique}. */
    public static String uniqueIndexName(FormDefinition form, FieldDefinition field) {
        return form.table() + "_" + field.column() + "_unique";
    }

    /** Trigram indexes make the list's text search (ILIKE '%…%') an index scan. */
    private Uni<Void> searchIndexes(Mutiny.Session session, FormDefinition form, java.util.List<FieldDefinition> fields) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (FieldDefinition f : fields) {
            if (types.get(f.type()).searchable()) {
                chain = chain.chain(() -> NativeSql.update(session, "CREATE INDEX " + form.table() + "_" + f.column()
                        + "_trgm ON " + form.table() + " USING gin (" + f.column() + " gin_trgm_ops)").replaceWithVoid());
            }
        }
        return chain;
    }

    public Uni<Void> addColumn(Mutiny.Session session, FormDefinition form, FieldDefinition field) {
        return NativeSql.update(session, "ALTER TABLE " + form.table() + " ADD COLUMN " + field.column() + " "
                + types.get(field.type()).columnType(field)).chain(() -> searchIndexes(session, form, java.util.List.of(field)))
                .chain(() -> uniqueIndex(session, form, field));
    }
}
