package io.tierflow.form.record;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RecordPage;
import io.tierflow.form.model.RecordView;
import io.tierflow.form.type.RelationFieldType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The records that relation values point to, as the caller may see them: a record outside their row scope, in
 * the trash or in a form they may not view is left out, so the list shows its id only. One query per 50 ids of
 * a target form, never one per record. Used by {@code ?expand=} on record lists and by the pages' titles.
 */
@ApplicationScoped
public class RelationExpansion {

    /** {@link RecordFilter}'s limit on conditions in one filter. */
    static final int CHUNK = 50;

    @Inject
    RecordService records;

    /** The records of {@code targetForm} with these ids that the caller may see, by id. */
    public Uni<Map<Long, RecordView>> linked(Caller caller, String targetForm, Collection<Long> ids) {
        Map<Long, RecordView> found = new LinkedHashMap<>();
        if (ids.isEmpty() || targetForm == null) {
            return Uni.createFrom().item(found);
        }
        List<Long> all = new ArrayList<>(new LinkedHashSet<>(ids));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            chain = chain.chain(() -> records.list(caller, targetForm, new RecordService.ListQuery(CHUNK, null, null, null,
                    false, anyOf(chunk), null, null, null)).invoke(page -> page.items().forEach(r -> found.put(r.id(), r)))
                    .replaceWithVoid());
        }
        return chain.replaceWith(found).onFailure(Problem.class).recoverWithItem(found);
    }

    /** {@code page} with the records its relation fields {@code keys} link to, by field key and id. */
    public Uni<RecordPage> expand(Caller caller, FormDefinition form, RecordPage page, List<String> keys) {
        Map<String, Map<Long, RecordView>> expanded = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String key : keys) {
            FieldDefinition f = form.field(key).filter(x -> "relation".equals(x.type())).orElseThrow(() ->
                    Problem.invalid(List.of(new FieldProblem("expand", "form.expand.not-relation", key))));
            List<Long> ids = new ArrayList<>();
            page.items().forEach(r -> ids.addAll(ids(r.values().get(key))));
            chain = chain.chain(() -> linked(caller, RelationFieldType.targetForm(f), ids).invoke(found -> expanded.put(key, found))
                    .replaceWithVoid());
        }
        return chain.map(v -> new RecordPage(page.items(), page.next(), page.cursor(), expanded));
    }

    /** The ids a relation value holds (one, or a list). */
    public static List<Long> ids(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().filter(Number.class::isInstance).map(v -> ((Number) v).longValue()).toList();
        }
        return value instanceof Number n ? List.of(n.longValue()) : List.of();
    }

    private static ObjectNode anyOf(List<Long> ids) {
        ObjectNode filter = JsonNodeFactory.instance.objectNode();
        ArrayNode or = filter.putArray("or");
        ids.forEach(id -> or.addObject().put("field", "id").put("op", "eq").put("value", id));
        return filter;
    }
}
