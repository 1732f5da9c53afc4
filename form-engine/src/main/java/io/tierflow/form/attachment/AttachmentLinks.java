package io.tierflow.form.attachment;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.record.StoredRecord;
import io.tierflow.form.type.AttachmentFieldType;
import io.tierflow.form.type.FieldTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Which files a save may put into an attachment field. Before the write ({@link #check}): each id must be a file
 * uploaded to this form and field, by the writer if it belongs to no record yet; its name, size and type are taken
 * from the upload. After the write ({@link #tie}, in the same transaction): files new to the record must be the
 * writer's own loose uploads or already the record's, and are tied to it; anything else rolls the save back. So no
 * one can attach, and thereby read, a file someone else uploaded.
 */
@ApplicationScoped
public class AttachmentLinks {

    @Inject
    FieldTypes types;

    @Inject
    AttachmentRows rows;

    /** Refuses unknown or foreign files in {@code patch} (problems are added to {@code problems}) and fills in their details. */
    public Uni<Void> check(Mutiny.Session session, FormDefinition form, Map<Long, Object> patch, Caller caller,
            List<FieldProblem> problems) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (FieldDefinition f : form.fields()) {
            List<String> ids = AttachmentFieldType.ids(patch.get(f.id()));
            if (ids.isEmpty() || !(types.get(f.type()) instanceof AttachmentFieldType)) {
                continue;
            }
            chain = chain.chain(() -> rows.forField(session, form.id(), f.id(), ids).invoke(found -> {
                List<Map<String, Object>> files = new ArrayList<>();
                for (int i = 0; i < ids.size(); i++) {
                    StoredAttachment a = found.get(ids.get(i));
                    // another user's loose upload is reported like a missing one: its existence does not leak
                    if (a == null || (a.recordId() == null && a.uploadedBy() != caller.id())) {
                        problems.add(new FieldProblem("values." + f.key() + "[" + i + "]", "form.attachment.not-found"));
                    } else {
                        files.add(a.value());
                    }
                }
                patch.put(f.id(), files);
            }).replaceWithVoid());
        }
        return chain;
    }

    /** Ties the files new to {@code saved} to it; refuses files that are neither the actor's loose uploads nor the record's. */
    public Uni<Void> tie(Mutiny.Session session, FormDefinition form, StoredRecord before, StoredRecord saved, Long actorId) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (FieldDefinition f : form.fields()) {
            if (!(types.get(f.type()) instanceof AttachmentFieldType)) {
                continue;
            }
            Object value = saved.values().get(f.id());
            Set<String> added = new LinkedHashSet<>(AttachmentFieldType.ids(value));
            if (before != null) {
                added.removeAll(AttachmentFieldType.ids(before.values().get(f.id())));
            }
            if (added.isEmpty()) {
                continue;
            }
            List<String> ids = List.copyOf(added);
            chain = chain.chain(() -> rows.forField(session, form.id(), f.id(), ids).chain(found -> {
                List<String> loose = new ArrayList<>();
                for (String id : ids) {
                    StoredAttachment a = found.get(id);
                    boolean ours = a != null && (Objects.equals(a.recordId(), saved.id())
                            || (a.recordId() == null && actorId != null && a.uploadedBy() == actorId));
                    if (!ours || !same(a.value(), value, id)) {
                        throw refused(f, AttachmentFieldType.ids(value).indexOf(id));
                    }
                    if (a.recordId() == null) {
                        loose.add(id);
                    }
                }
                if (loose.isEmpty()) {
                    return Uni.createFrom().voidItem();
                }
                return rows.tie(session, loose, saved.id()).invoke(tied -> {
                    if (tied != loose.size()) {
                        // another save took one of these uploads for its record first
                        throw refused(f, AttachmentFieldType.ids(value).indexOf(loose.get(0)));
                    }
                }).replaceWithVoid();
            }));
        }
        return chain;
    }

    /** Whether the value describes the file as it was uploaded (not a name or type the caller made up). */
    private static boolean same(Map<String, Object> uploaded, Object value, String id) {
        if (value instanceof List<?> files) {
            for (Object f : files) {
                if (f instanceof Map<?, ?> m && id.equals(m.get("id"))) {
                    return Objects.equals(uploaded.get("name"), m.get("name"))
                            && Objects.equals(uploaded.get("contentType"), m.get("contentType"))
                            && m.get("size") instanceof Number n && n.longValue() == ((Number) uploaded.get("size")).longValue();
                }
            }
        }
        return false;
    }

    private static Problem refused(FieldDefinition f, int index) {
        return Problem.invalid(List.of(new FieldProblem("values." + f.key() + "[" + Math.max(index, 0) + "]",
                "form.attachment.not-found")));
    }
}
