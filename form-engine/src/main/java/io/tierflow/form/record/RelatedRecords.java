package io.tierflow.form.record;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Caller;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RecordView;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.schema.FormRepository;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.form.type.RelationFieldType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The reverse side of relations: for a record, the records of other forms that link to it (a customer's
 * orders and follow-ups), newest first, each list limited to what the caller may see.
 */
@ApplicationScoped
public class RelatedRecords {

    static final int LIMIT = 50;

    public record Group(String form, String formName, String field, String fieldLabel, List<RecordView> records) {
    }

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    FormRepository forms;

    @Inject
    RecordService records;

    @Inject
    RecordRows rows;

    @Inject
    FieldTypes types;

    public Uni<List<Group>> of(Caller caller, String formRef, long id) {
        return sessions.withSession(session -> forms.load(session, formRef).chain(form -> {
            FormAccess.require(caller, form, "view");
            return records.find(session, form, RowScope.of(caller, form, "r", 2), id, false)
                    .chain(visible -> forms.list(session))
                    .chain(all -> {
                        List<Group> groups = new ArrayList<>();
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (FormDefinition other : all) {
                            RoleAccess access = other.permissions().access(caller.role());
                            if (!access.may("view")) {
                                continue;
                            }
                            for (FieldDefinition f : other.fields()) {
                                if (types.get(f.type()) instanceof RelationFieldType && form.key().equals(RelationFieldType.targetForm(f))
                                        && !access.hidden(f.key())) {
                                    chain = chain.chain(() -> children(session, caller, other, f, id, access).invoke(groups::add)
                                            .replaceWithVoid());
                                }
                            }
                        }
                        return chain.replaceWith(groups);
                    });
        }));
    }

    private Uni<Group> children(Mutiny.Session session, Caller caller, FormDefinition child, FieldDefinition relation, long id,
            RoleAccess access) {
        String link = RelationFieldType.multiple(relation) ? "?1 = ANY(r." + relation.column() + ")" : "r." + relation.column() + " = ?1";
        RowScope scope = RowScope.of(caller, child, "r", 2);
        List<Object> params = new ArrayList<>(List.of(id));
        params.addAll(scope.params());
        return NativeSql.texts(session, "SELECT to_jsonb(r)::text FROM " + child.table() + " r WHERE r.deleted_at IS NULL AND "
                        + link + " AND " + scope.sql() + " ORDER BY r.id DESC LIMIT " + LIMIT, params.toArray())
                .map(found -> new Group(child.key(), child.name(), relation.key(), relation.label(),
                        found.stream().map(j -> FormAccess.visible(rows.view(child, rows.read(child, j)), access)).toList()));
    }
}
