package io.tierflow.rule.formula;

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

    @Inject
    public FunctionRegistry(Instance<FormulaFunction> all) {
        this(all.stream().toList());
    }

    /** For plain (non-CDI) use and tests. */
    public FunctionRegistry(Collection<FormulaFunction> fns) {
        Map<String, FormulaFunction> map = new TreeMap<>();
        for (FormulaFunction f : fns) {
            String name = f.name();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalStateException("invalid formula function name (must be upper case): " + name);
            }
            if (Parser.isReserved(name) && !name.equals("IF")) {
                throw new IllegalStateException("formula function name is a reserved word: " + name);
            }
            if (map.putIfAbsent(name, f) != null) {
                throw new IllegalStateException("two formula functions named " + name);
            }
        }
        this.byName = Collections.unmodifiableMap(map);
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
