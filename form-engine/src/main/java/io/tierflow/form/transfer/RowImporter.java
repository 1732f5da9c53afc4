package io.tierflow.form.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.error.Problem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.record.RecordInput;
import io.tierflow.form.record.RecordRows;
import io.tierflow.form.record.RecordWriter;
import io.tierflow.form.record.RelationValues;
import io.tierflow.form.record.RowScope;
import io.tierflow.form.record.StoredRecord;
import io.tierflow.form.type.FieldValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Imports one row through the same steps as the API: the field types parse the cells ({@link RecordInput},
 * so "2026年3月1日", "¥1,200.50", "是" and option labels work), links to other records are checked as
 * {@code RecordService} checks them, unique values are checked ({@link UniqueCheck}), then {@link RecordWriter}
 * computes defaults, formulas and the tier and writes the row with its audit entry, tier history and effects in
 * the caller's transaction. With {@code write} false the row is only checked.
 */
@ApplicationScoped
class RowImporter {

    /** The cause recorded in audit entries and tier history. */
    static final String CAUSE = "import";

    private record Match(StoredRecord record, boolean ambiguous) {
        static final Match NONE = new Match(null, false);
        static final Match AMBIGUOUS = new Match(null, true);
    }

    @Inject
    RecordInput input;

    @Inject
    RecordWriter writer;

    @Inject
    RecordRows rows;

    @Inject
    RelationValues relations;

    Uni<Void> apply(Mutiny.Session session, ImportPlan plan, ImportedSheet.Row row,
            ImportTally tally, boolean write) {
        List<ImportError> errors = new ArrayList<>();
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        for (ColumnMapping.Column c : plan.mapping().columns()) {
            String error = row.errors().get(c.index());
            if (error != null) {
                errors.add(plan.error(row.number(), c, "form.import.cell-error", error));
            } else {
                values.set(c.field().key(), cell(c, row.cell(c.index())));
            }
        }
        Object key = null;
        ColumnMapping.Column upsert = plan.upsert();
        if (upsert != null && errors.isEmpty()) {
            try {
                key = upsert.type().parse(upsert.field(), values.get(upsert.field().key()));
            } catch (FieldValueException e) {
                errors.add(plan.error(row.number(), upsert, e.code(), e.args()));
            }
        }
        if (!errors.isEmpty()) {
            tally.invalid(errors);
            return Uni.createFrom().voidItem();
        }
        Object matchKey = key;
        Uni<Match> match = key == null ? Uni.createFrom().item(Match.NONE) : find(session, plan, key, write);
        return match.chain(m -> {
            if (m.ambiguous()) {
                tally.invalid(List.of(plan.error(row.number(), upsert, "form.import.upsert-ambiguous", row.cell(upsert.index()))));
                return Uni.createFrom().voidItem();
            }
            boolean creating = m.record() == null && !(!write && tally.pending(matchKey));
            Map<Long, Object> parsed;
            try {
                // an empty cell leaves an existing record's value alone: a partial sheet must not wipe fields
                parsed = input.parse(plan.def(), creating ? values : withoutEmpty(values), creating, plan.access());
            } catch (Problem p) {
                tally.invalid(plan.errors(row.number(), p));
                return Uni.createFrom().voidItem();
            }
            Map<String, Object> preview = preview(plan, parsed);
            // links to other records must exist and be visible to the importer, exactly as through the API
            return relations.checkLinks(session, plan.def(), parsed, plan.caller()).replaceWith(Boolean.TRUE)
                    .onFailure(Problem.class).recoverWithItem(e -> {
                        tally.invalid(plan.errors(row.number(), (Problem) e));
                        return Boolean.FALSE;
                    })
                    .chain(linked -> !linked ? Uni.createFrom().voidItem()
                            : UniqueCheck.duplicates(session, plan, row, creating, m.record(), parsed, write ? null : tally)
                                    .chain(duplicates -> {
                                        if (!duplicates.isEmpty()) {
                                            tally.invalid(duplicates);
                                            return Uni.createFrom().voidItem();
                                        }
                                        if (!write) {
                                            if (creating && matchKey != null) {
                                                tally.remember(matchKey);
                                            }
                                            tally.valid(row.number(), creating, preview);
                                            return Uni.createFrom().voidItem();
                                        }
                                        long actor = plan.caller().id();
                                        Uni<StoredRecord> saved = creating
                                                ? writer.create(session, plan.form(), actor, actor, parsed, CAUSE)
                                                : writer.update(session, plan.form(), actor, m.record(), parsed, CAUSE);
                                        return saved.invoke(r -> tally.valid(row.number(), creating, preview)).replaceWithVoid();
                                    }));
        });
    }

    /**
     * The cell as the field type's input. Several values in one cell (a multi-select) may be separated the
     * way the export writes them, with "、", as well as with commas; a cell that parses whole is left whole.
     */
    static JsonNode cell(ColumnMapping.Column column, String text) {
        if (text == null || text.isBlank()) {
            return NullNode.instance;
        }
        if (!column.multiple()) {
            return TextNode.valueOf(text);
        }
        try {
            column.type().parse(column.field(), TextNode.valueOf(text));
            return TextNode.valueOf(text);
        } catch (FieldValueException | RuntimeException e) {
            ArrayNode parts = JsonNodeFactory.instance.arrayNode();
            for (String part : text.split("[,，、;；\\n]")) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
            return parts;
        }
    }

    private static ObjectNode withoutEmpty(ObjectNode values) {
        ObjectNode given = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNull()) {
                given.set(e.getKey(), e.getValue());
            }
        }
        return given;
    }

    /** What the row will hold, as people read it, for the report's sample. */
    private static Map<String, Object> preview(ImportPlan plan, Map<Long, Object> parsed) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ColumnMapping.Column c : plan.mapping().columns()) {
            FieldDefinition f = c.field();
            if (parsed.containsKey(f.id())) {
                Object v = parsed.get(f.id());
                out.put(f.key(), v == null ? null : c.type().display(f, v));
            }
        }
        return out;
    }

    /**
     * The existing record the key matches among those the caller may see. One the caller may not see is never
     * found, so the row becomes a new record and nothing reveals that the other exists.
     */
    private Uni<Match> find(Mutiny.Session session, ImportPlan plan, Object key, boolean lock) {
        FormDefinition def = plan.def();
        RowScope scope = RowScope.of(plan.caller(), def, "r", 2);
        List<Object> params = new ArrayList<>();
        params.add(key);
        params.addAll(scope.params());
        String sql = "SELECT to_jsonb(r)::text FROM " + def.table() + " r WHERE r.deleted_at IS NULL AND r."
                + plan.upsert().field().column() + " = ?1 AND " + scope.sql() + " ORDER BY r.id LIMIT 2"
                + (lock ? " FOR UPDATE" : "");
        return NativeSql.texts(session, sql, params.toArray()).map(found -> found.isEmpty() ? Match.NONE
                : found.size() > 1 ? Match.AMBIGUOUS : new Match(rows.read(def, found.get(0)), false));
    }
}
