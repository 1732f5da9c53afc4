package io.tierflow.form.type;

import io.tierflow.core.error.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The field-type registry: every {@link FieldType} bean, by id. */
@ApplicationScoped
public class FieldTypes {

    private final Map<String, FieldType> byId = new TreeMap<>();

    @Inject
    public FieldTypes(Instance<FieldType> types) {
        for (FieldType t : types) {
            if (byId.putIfAbsent(t.id(), t) != null) {
                throw new IllegalStateException("two field types claim the id " + t.id());
            }
        }
    }

    public Optional<FieldType> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public FieldType get(String id) {
        return find(id).orElseThrow(() -> Problem.badRequest("form.field.unknown-type", id));
    }

    public Collection<FieldType> all() {
        return byId.values();
    }
}
