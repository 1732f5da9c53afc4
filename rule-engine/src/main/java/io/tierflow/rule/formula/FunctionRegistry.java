package io.tierflow.rule.formula;

import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** All {@link FormulaFunction}s, looked up case-insensitively by name. */
@ApplicationScoped
public class FunctionRegistry {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final Map<String, FormulaFunction> byName;
    private final FormulaContext context;

    /** The functions found by CDI; the clock is a CDI {@link Clock} bean if there is one, else the system's. */
    @Inject
    public FunctionRegistry(Instance<FormulaFunction> all, Instance<Clock> clock) {
        this(all.stream().toList(), clock.isResolvable() ? clock.get() : Clock.systemDefaultZone());
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
        this.context = FormulaContext.of(clock);
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

    /** Sorted by name. */
    public Collection<FormulaFunction> all() {
        return byName.values();
    }
}
