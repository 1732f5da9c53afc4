package io.tierflow.rule.formula;

import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mvel2.MVEL;

/**
 * A checked formula, compiled once by MVEL. Immutable and thread-safe: every evaluation gets its own variable
 * map; the compiled expression is shared.
 */
public final class CompiledFormula {
    private final String text;
    private final ValueType type;
    private final String mvelSource;
    private final Serializable compiled;
    private final List<FieldRef> fields;
    private final String[] fieldVars;
    private final Set<Long> fieldIds;
    private final Object[] constants;
    private final String[] constantVars;
    private final FunctionTable functions;

    CompiledFormula(String text, ValueType type, String mvelSource, Serializable compiled,
                    Collection<FieldRef> fields, List<Object> constants, FunctionTable functions) {
        this.text = text;
        this.type = type;
        this.mvelSource = mvelSource;
        this.compiled = compiled;
        this.fields = List.copyOf(fields);
        this.fieldVars = new String[this.fields.size()];
        Set<Long> ids = new LinkedHashSet<>();
        for (int i = 0; i < this.fields.size(); i++) {
            fieldVars[i] = MvelGenerator.varName(this.fields.get(i).fieldId());
            ids.add(this.fields.get(i).fieldId());
        }
        this.fieldIds = Collections.unmodifiableSet(ids);
        this.constants = constants.toArray();
        this.constantVars = new String[this.constants.length];
        for (int i = 0; i < constantVars.length; i++) {
            constantVars[i] = "k" + i;
        }
        this.functions = functions;
    }

    /** The static result type. */
    public ValueType type() {
        return type;
    }

    /** Ids of the fields the formula reads (for dependency ordering and cycle detection). */
    public Set<Long> fieldIds() {
        return fieldIds;
    }

    /** The fields the formula reads, in order of first use. */
    public List<FieldRef> fields() {
        return fields;
    }

    /** The formula text as written. */
    public String text() {
        return text;
    }

    /** The generated MVEL (for tests and debugging). */
    public String mvelSource() {
        return mvelSource;
    }

    /**
     * The values this formula reads, by field key, converted as for {@link #evaluate} (for explanations).
     *
     * @throws FormulaEvaluationException if a value does not fit its field's type
     */
    public Map<String, Object> inputs(Map<Long, Object> valuesByFieldId) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (FieldRef f : fields) {
            m.put(f.key(), FormulaValues.output(input(f, valuesByFieldId)));
        }
        return m;
    }

    private static Object input(FieldRef f, Map<Long, Object> values) {
        Object raw = values == null ? null : values.get(f.fieldId());
        try {
            return FormulaValues.normalizeInput(raw, f.type());
        } catch (IllegalArgumentException e) {
            throw new FormulaEvaluationException("formula.eval.bad-value", f.key(), f.type(), e.getMessage());
        }
    }

    /**
     * Evaluates the formula for one record. Missing fields count as null. Numbers may be given as any
     * {@link Number} and are converted to BigDecimal (see {@link FormulaValues#normalizeInput}).
     *
     * @return BigDecimal (normalised), String, Boolean, LocalDate, OffsetDateTime or null
     * @throws FormulaEvaluationException if an input does not fit its field's type or a text result is too long
     */
    public Object evaluate(Map<Long, Object> valuesByFieldId) {
        Map<String, Object> vars = new HashMap<>((fieldVars.length + constantVars.length + 1) * 2);
        for (int i = 0; i < fieldVars.length; i++) {
            vars.put(fieldVars[i], input(fields.get(i), valuesByFieldId));
        }
        for (int i = 0; i < constantVars.length; i++) {
            vars.put(constantVars[i], constants[i]);
        }
        vars.put(MvelGenerator.FUNCTIONS_VAR, functions);
        Object result;
        try {
            result = MVEL.executeExpression(compiled, vars);
        } catch (RuntimeException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof FormulaEvaluationException fe) {
                    throw fe;
                }
                if (c.getCause() == c) {
                    break;
                }
            }
            throw new FormulaEvaluationException("formula.eval.failed", e, String.valueOf(e.getMessage()));
        }
        return FormulaValues.output(result);
    }

    @Override
    public String toString() {
        return "CompiledFormula[" + type + ": " + text + "]";
    }
}
