package io.tierflow.form.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.JsonText;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.db.OrdinalParams;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.schema.FormRepository;
import io.tierflow.form.type.FieldType;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.form.type.FieldValueException;
import io.tierflow.form.type.Linkage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Data linkage (数据联动) on the write path: fills each field with a {@link Linkage} from the matching record of the
 * other form, as the writer sees it (their role's view permission, row scope and hidden fields: linkage never
 * reveals what the writer could not read). It fills a field that is empty or still holds the value linkage put
 * there ({@code record_linked_value}); a value the user typed over it stays. Linked values follow their match:
 * when the matched fields change, the value is looked up again, and cleared when nothing matches any more.
 */
@ApplicationScoped
public class LinkageFill {

    @Inject
    FormRepository forms;

    @Inject
    FieldTypes types;

    @Inject
    ObjectMapper json;

    /** Stored values read exactly: a float would round money. */
    private final ObjectMapper rows = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * Fills the linked fields of {@code patch} (in place) for a record being created ({@code current} null) or
     * updated; returns the values that now come from linkage, by field id, for {@link #remember}.
     */
    public Uni<Map<Long, Object>> fill(Mutiny.Session session, Caller caller, FormDefinition form, StoredRecord current,
            Map<Long, Object> patch) {
        List<FieldDefinition> linked = linkedFields(form);
        if (linked.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Map<Long, Object> before = current == null ? Map.of() : current.values();
        Map<Long, Object> merged = new HashMap<>(before);
        merged.putAll(patch);
        return held(session, form, current).chain(held -> {
            Map<Long, Object> result = new HashMap<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (FieldDefinition f : linked) {
                Linkage linkage = Linkage.of(f).orElseThrow();
                Object now = before.get(f.id());
                Object given = patch.get(f.id());
                if (given != null && !same(given, now)) {
                    // the writer's own value; still linked when it is exactly what linkage gives (the page filled it)
                    chain = chain.chain(() -> lookup(session, caller, form, f, linkage, merged, current).invoke(v -> {
                        if (v != null && same(v, given)) {
                            result.put(f.id(), given);
                        }
                    }).replaceWithVoid());
                    continue;
                }
                boolean wasLinked = held.containsKey(f.id());
                boolean empty = merged.get(f.id()) == null;
                if (!empty && !wasLinked) {
                    continue;
                }
                boolean matchChanged = current == null || linkage.ours().stream().map(form::field)
                        .anyMatch(o -> o.isPresent() && patch.containsKey(o.get().id())
                                && !same(patch.get(o.get().id()), before.get(o.get().id())));
                if (!empty && !matchChanged) {
                    result.put(f.id(), merged.get(f.id()));
                    continue;
                }
                chain = chain.chain(() -> lookup(session, caller, form, f, linkage, merged, current).invoke(v -> {
                    if (v != null) {
                        patch.put(f.id(), v);
                        merged.put(f.id(), v);
                        result.put(f.id(), v);
                    } else if (!empty) {
                        patch.put(f.id(), null);
                        merged.put(f.id(), null);
                    }
                }).replaceWithVoid());
            }
            return chain.replaceWith(result);
        });
    }

    /** Records which values of the saved record came from linkage (and forgets the others). */
    public Uni<Void> remember(Mutiny.Session session, FormDefinition form, long recordId, Map<Long, Object> linked) {
        if (linkedFields(form).isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> chain = NativeSql.update(session, "DELETE FROM record_linked_value WHERE form_id = ?1 AND record_id = ?2",
                form.id(), recordId).replaceWithVoid();
        for (Map.Entry<Long, Object> e : linked.entrySet()) {
            chain = chain.chain(() -> NativeSql.update(session, "INSERT INTO record_linked_value (form_id, record_id, field_id, value)"
                    + " VALUES (?1, ?2, ?3, " + NativeSql.jsonParam(4) + ")", form.id(), recordId, e.getKey(),
                    JsonText.write(json, e.getValue()))
                    .replaceWithVoid());
        }
        return chain;
    }

    /**
     * What linkage gives {@code field} for these values (Java values by field id, as the write path holds them):
     * the converted value, or null when nothing matches or the field has no linkage. For the pages and API
     * clients that fill the field live as the user types.
     */
    public Uni<Object> preview(Mutiny.Session session, Caller caller, FormDefinition form, FieldDefinition field,
            Map<Long, Object> values) {
        return Linkage.of(field).map(l -> lookup(session, caller, form, field, l, values, null))
                .orElse(Uni.createFrom().nullItem());
    }

    /** The fields with a linkage setting; computed fields never take input, so never linkage. */
    public List<FieldDefinition> linkedFields(FormDefinition form) {
        return form.fields().stream().filter(f -> !types.get(f.type()).computed() && Linkage.of(f).isPresent()).toList();
    }

    /** The values of {@code current} that linkage put there and that it still holds, by field id. */
    public Uni<Map<Long, Object>> held(Mutiny.Session session, FormDefinition form, StoredRecord current) {
        if (current == null) {
            return Uni.createFrom().item(Map.of());
        }
        return NativeSql.texts(session, "SELECT jsonb_build_array(field_id, value)::text FROM record_linked_value"
                + " WHERE form_id = ?1 AND record_id = ?2", form.id(), current.id()).map(rows -> {
                    Map<Long, Object> held = new HashMap<>();
                    for (String row : rows) {
                        JsonNode pair = JsonText.read(this.rows, row);
                        long fieldId = pair.get(0).asLong();
                        form.field(fieldId).ifPresent(f -> {
                            Object value = types.get(f.type()).read(f, pair.get(1));
                            if (current.values().get(fieldId) != null && same(value, current.values().get(fieldId))) {
                                held.put(fieldId, current.values().get(fieldId));
                            }
                        });
                    }
                    return held;
                });
    }

    private Uni<Object> lookup(Mutiny.Session session, Caller caller, FormDefinition form, FieldDefinition field,
            Linkage linkage, Map<Long, Object> values, StoredRecord current) {
        for (Linkage.Pair pair : linkage.match()) {
            FieldDefinition ours = form.field(pair.ours()).orElse(null);
            if (ours == null || values.get(ours.id()) == null) {
                return Uni.createFrom().nullItem();
            }
        }
        Uni<FormDefinition> target = linkage.form().equals(form.key()) ? Uni.createFrom().item(form)
                : forms.load(session, linkage.form()).onFailure(Problem.class).recoverWithNull();
        return target.chain(other -> {
            if (other == null) {
                return Uni.createFrom().nullItem();
            }
            RoleAccess access = other.permissions().access(caller.role());
            FieldDefinition take = other.field(linkage.take()).filter(t -> !access.hidden(t.key())).orElse(null);
            if (!access.may("view") || take == null) {
                return Uni.createFrom().nullItem();
            }
            OrdinalParams params = new OrdinalParams();
            StringBuilder sql = new StringBuilder("SELECT to_jsonb(r." + take.column() + ")::text FROM " + other.table()
                    + " r WHERE r.deleted_at IS NULL");
            for (Linkage.Pair pair : linkage.match()) {
                FieldDefinition ours = form.field(pair.ours()).orElseThrow();
                FieldDefinition theirs = other.field(pair.theirs()).filter(t -> !access.hidden(t.key())).orElse(null);
                if (theirs == null) {
                    return Uni.createFrom().nullItem();
                }
                // both sides' column types come from the field types (checked alike when the form was saved)
                sql.append(" AND r.").append(theirs.column()).append(" = CAST(CAST(").append(params.bind(text(values.get(ours.id()))))
                        .append(" AS text) AS ").append(types.get(ours.type()).columnType(ours)).append(")");
            }
            if (other.id() == form.id() && current != null) {
                sql.append(" AND r.id <> ").append(params.bind(current.id()));
            }
            RowScope scope = RowScope.of(caller, other, "r", params.next());
            params.addAll(scope.params());
            sql.append(" AND ").append(scope.sql()).append(" ORDER BY r.updated_at DESC, r.id DESC LIMIT 1");
            return NativeSql.text(session, sql.toString(), params.toArray()).map(found -> convert(field, found));
        });
    }

    /** Their stored value as our field takes it; a value our field refuses (not one of its options…) is no value. */
    private Object convert(FieldDefinition field, String storedJson) {
        if (storedJson == null) {
            return null;
        }
        JsonNode node = JsonText.read(rows, storedJson);
        if (node.isNull()) {
            return null;
        }
        FieldType type = types.get(field.type());
        try {
            return type.parse(field, node);
        } catch (FieldValueException | RuntimeException refused) {
            return null;
        }
    }

    /** A value as PostgreSQL reads a literal of its column type. */
    private static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toString();
        }
        return value.toString();
    }

    /** Equal values: decimals by value (12.5 = 12.50), lists element by element. */
    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
            return x.isEqual(y);
        }
        return Objects.equals(a, b);
    }
}
