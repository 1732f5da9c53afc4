package io.tierflow.ui.records;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RecordView;
import io.tierflow.form.schema.FormService;
import io.tierflow.form.type.RelationFieldType;

/**
 * Linked records by title: what a relation field's ids stand for, read as the caller may see them (a record
 * outside their scope, in the trash or in a form they may not view has no title here, and is shown by its id
 * without a link). One query per 50 ids of a form, never one per record.
 */
@ApplicationScoped
public class RelationTitles {

    /** A linked record as a link: its title, and its page; {@code href} is null when the caller may not open it. */
    @TemplateData
    public record Linked(long id, String title, String href) {
    }

    @Inject
    io.tierflow.form.record.RelationExpansion expansion;

    @Inject
    FormService forms;

    @Inject
    RecordFields fields;

    /** The records of {@code targetForm} with these ids that the caller may see, by id. */
    public Uni<Map<Long, Linked>> of(Caller caller, String targetForm, Collection<Long> ids) {
        Map<Long, Linked> found = new LinkedHashMap<>();
        if (ids.isEmpty() || targetForm == null) {
            return Uni.createFrom().item(found);
        }
        return forms.get(targetForm).chain(target -> expansion.linked(caller, target.key(), ids).map(records -> {
            records.values().forEach(r -> found.put(r.id(), new Linked(r.id(), title(target, r), href(target, r.id()))));
            return found;
        })).onFailure(Problem.class).recoverWithItem(found);
    }

    /** Every id of {@code ids} as a link: a title where the caller may see the record, else "#12" without a link. */
    public Uni<List<Linked>> links(Caller caller, String targetForm, List<Long> ids) {
        return of(caller, targetForm, ids).map(found -> ids.stream()
                .map(id -> found.getOrDefault(id, new Linked(id, "#" + id, null))).toList());
    }

    /**
     * Titles for every relation value of {@code rows}: field key → id → link, one lookup per target form. Only
     * the relation fields among {@code shown} are looked up.
     */
    public Uni<Map<String, Map<Long, Linked>>> forRows(Caller caller, FormDefinition form, List<FieldDefinition> shown,
            List<RecordView> rows) {
        Map<String, List<String>> fieldsByTarget = new LinkedHashMap<>();
        Map<String, LinkedHashSet<Long>> idsByTarget = new LinkedHashMap<>();
        for (FieldDefinition f : shown) {
            if (!(fields.type(f) instanceof RelationFieldType)) {
                continue;
            }
            String target = RelationFieldType.targetForm(f);
            fieldsByTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(f.key());
            LinkedHashSet<Long> ids = idsByTarget.computeIfAbsent(target, t -> new LinkedHashSet<>());
            rows.forEach(r -> ids.addAll(ids(r.values().get(f.key()))));
        }
        Map<String, Map<Long, Linked>> byField = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var e : idsByTarget.entrySet()) {
            chain = chain.chain(() -> of(caller, e.getKey(), e.getValue()).invoke(found ->
                    fieldsByTarget.get(e.getKey()).forEach(k -> byField.put(k, found))).replaceWithVoid());
        }
        return chain.replaceWith(byField);
    }

    @Inject
    MemberNames members;

    /** The record form's inputs with each relation's linked records by title, and each member picker's person. */
    public Uni<List<FieldInput>> resolve(Caller caller, List<FieldInput> inputs) {
        List<FieldInput> resolved = new ArrayList<>(inputs);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < resolved.size(); i++) {
            FieldInput f = resolved.get(i);
            if (f.relation() == null || f.relation().ids().isEmpty()) {
                continue;
            }
            int index = i;
            chain = chain.chain(() -> links(caller, f.relation().targetForm(), f.relation().ids())
                    .invoke(links -> resolved.set(index, f.withLinks(links))).replaceWithVoid());
        }
        return chain.chain(() -> members.resolve(resolved));
    }

    /** The ids a relation value holds (one id, or a list of them). */
    public static List<Long> ids(Object value) {
        return io.tierflow.form.record.RelationExpansion.ids(value);
    }

    /** The record's title as lists show it: its title field, else "#12". */
    public String title(FormDefinition form, RecordView r) {
        String title = form.titleField().map(f -> fields.display(f, r.values().get(f.key()))).orElse(null);
        return title == null || title.isBlank() ? "#" + r.id() : title;
    }

    static String href(FormDefinition form, long id) {
        return "/forms/" + form.key() + "/records/" + id;
    }
}
