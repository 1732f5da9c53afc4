package io.tierflow.report.measure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The measure registry: every {@link Measure} bean, by id. */
@ApplicationScoped
public class Measures {

    private final Map<String, Measure> byId = new TreeMap<>();

    @Inject
    public Measures(Instance<Measure> measures) {
        measures.forEach(m -> byId.put(m.id(), m));
    }

    public Optional<Measure> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public String known() {
        return String.join(", ", byId.keySet());
    }
}
