package io.tierflow.rule.formula;

import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * All {@link FormulaFunction}s and {@link RelationAggregate}s, looked up case-insensitively by name. An aggregate may
 * share its name with a function (SUM, MIN, MAX): the parser reads the call as the aggregate when its first argument
 * is a related list.
 */
@ApplicationScoped
public class FunctionRegistry {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final Map<String, FormulaFunction> byName;
    private final Map<String, RelationAggregate> aggregates;
    private final FormulaContext context;

    /** The functions found by CDI; the clock is a CDI {@link Clock} bean if there is one, else the system's. */
    @Inject
    public FunctionRegistry(Instance<FormulaFunction> all, Instance<RelationAggregate> aggregates,
                            Instance<Clock> clock) {
        this(all.stream().toList(), aggregates.stream().toList(),
                clock.isResolvable() ? clock.get() : Clock.systemDefaultZone());
    }

    /** For plain (non-CDI) use and tests, with the system clock and default zone. */
    public FunctionRegistry(Collection<FormulaFunction> fns) {
        this(fns, Clock.systemDefaultZone());
    }

    /**
     * For plain (non-CDI) use and tests. {@code clock} gives compiled formulas their default
     * {@link FormulaContext}: what TODAY() is and in which zone DATETIMEs are seen.
     */
    public FunctionRegistry(Collection<FormulaFunction> fns, Clock clock) {
        this(fns, List.of(), clock);
    }

    /** For plain (non-CDI) use and tests, with aggregates over related records. */
    public FunctionRegistry(Collection<FormulaFunction> fns, Collection<RelationAggregate> aggs, Clock clock) {
        this.context = FormulaContext.of(clock);
        Map<String, RelationAggregate> byAggregate = new TreeMap<>();
        for (RelationAggregate a : aggs) {
            if (a.name() == null || !NAME.matcher(a.name()).matches() || Parser.isReserved(a.name())) {
                throw new IllegalStateException("invalid aggregate name: " + a.name());
            }
            if (byAggregate.putIfAbsent(a.name(), a) != null) {
                throw new IllegalStateException("two aggregates named " + a.name());
            }
        }
        this.aggregates = Collections.unmodifiableMap(byAggregate);
        Map<String, FormulaFunction> map = new TreeMap<>();
        for (FormulaFunction f : fns) {
            String name = f.name();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalStateException("invalid formula function name (must be upper case): " + name);
            }
            if (Parser.isReserved(name) && !Parser.RESERVED_FUNCTION_NAMES.contains(name)) {
                throw new IllegalStateException("formula function name is a reserved word: " + name);
            }
            if (map.putIfAbsent(name, f) != null) {
                throw new IllegalStateException("two formula functions named " + name);
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** The default evaluation context of formulas compiled with this registry. */
    public FormulaContext context() {
        return context;
    }

    public Optional<FormulaFunction> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byName.get(name.toUpperCase(Locale.ROOT)));
    }

    public Optional<RelationAggregate> findAggregate(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(aggregates.get(name.toUpperCase(Locale.ROOT)));
    }

    /** The aggregates over related records, sorted by name. */
    public Collection<RelationAggregate> aggregates() {
        return aggregates.values();
    }

    /** Sorted by name. */
    public Collection<FormulaFunction> all() {
        return byName.values();
    }
}
