package io.tierflow.form.record;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.type.AutoNumberFieldType;
import io.tierflow.form.type.FieldTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Draws the next number of each auto-number field for a new record, from a counter row locked by the upsert
 * in the record's transaction: concurrent creates wait for each other instead of sharing a number.
 */
@ApplicationScoped
public class AutoNumbers {

    /** Date parts follow the calendar of the platform's users. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    FieldTypes types;

    public Uni<Void> assign(Mutiny.Session session, FormDefinition form, Map<Long, Object> values) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (FieldDefinition f : form.fields()) {
            if (types.get(f.type()) instanceof AutoNumberFieldType) {
                String period = AutoNumberFieldType.period(f, LocalDate.now(ZONE));
                chain = chain.chain(() -> NativeSql.number(session, "INSERT INTO autonumber_counter (field_id, period, value)"
                        + " VALUES (?1, ?2, 1) ON CONFLICT (field_id, period) DO UPDATE SET value = autonumber_counter.value + 1"
                        + " RETURNING value", f.id(), period)
                        .invoke(n -> values.put(f.id(), AutoNumberFieldType.format(f, period, n))).replaceWithVoid());
            }
        }
        return chain;
    }
}
