package io.tierflow.rule.formula;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tierflow.rule.formula.Typed.Cond;
import io.tierflow.rule.formula.Typed.Const;
import io.tierflow.rule.formula.Typed.Field;
import io.tierflow.rule.formula.Typed.Fn;
import io.tierflow.rule.formula.Typed.Op;
import io.tierflow.rule.formula.Typed.T;

/**
 * Generates MVEL source from a typed tree. The output contains only: {@code Rt.<helper>(…)} calls,
 * variables {@code v<fieldId>} (field values), {@code k<n>} (number and text constants, never re-parsed and never
 * spliced into the source), {@code fn} (the formula's {@link FunctionTable}), {@code cx} (the evaluation's
 * {@link FormulaContext}), decimal integer function indexes, {@code true}, {@code false}, {@code null}, commas,
 * parentheses and fully parenthesised {@code ? :}. No user text reaches the MVEL source.
 */
final class MvelGenerator {
    static final String FUNCTIONS_VAR = "fn";
    /** The evaluation's {@link FormulaContext}, passed to the helpers that need the zone and to function calls. */
    static final String CONTEXT_VAR = "cx";
    private static final Set<String> CONTEXT_HELPERS = Set.of("dateTimePlus", "dateTimeMinus");

    final List<Object> constants = new ArrayList<>();
    final Map<Long, FieldRef> fields = new LinkedHashMap<>();
    final List<FormulaFunction> functions = new ArrayList<>();
    /** The related records' fields read through ONE links, by variable ({@code l0, l1, …}). */
    final Map<String, LinkRead> linkReads = new LinkedHashMap<>();
    /** The aggregates over MANY links, each computed into variable {@code g<index>} before the formula runs. */
    final List<AggregatePlan> aggregates = new ArrayList<>();
    /** The links the formula reads through, in order of first use. */
    final Set<Link> links = new java.util.LinkedHashSet<>();
    private final Map<FormulaFunction, Integer> functionIndex = new IdentityHashMap<>();
    private StringBuilder out = new StringBuilder();
    /** The item fields of the aggregate whose value or condition is being generated. */
    private Map<Long, FieldRef> itemFields;

    /** A ONE link's field, read into variable {@code var}. */
    record LinkRead(String var, String linkKey, FieldRef field) {
    }

    /**
     * An aggregate: MVEL sources for the value (null for COUNT) and the condition (null: every record), which read
     * the aggregated record's fields as {@code c<fieldId>} besides everything the formula reads.
     */
    record AggregatePlan(String var, RelationAggregate aggregate, String linkKey, String valueSource,
                         String filterSource, List<FieldRef> itemFields) {
    }

    static String itemVar(long fieldId) {
        return "c" + fieldId;
    }

    static String varName(long fieldId) {
        return fieldId < 0 ? "vn" + Long.toUnsignedString(-fieldId) : "v" + fieldId;
    }

    String generate(T t) {
        emit(t);
        return out.toString();
    }

    private void emit(T t) {
        if (t instanceof Const c) {
            if (c.value() == null) {
                out.append("null");
            } else if (c.value() instanceof Boolean b) {
                out.append(b ? "true" : "false");
            } else {
                out.append('k').append(constants.size());
                constants.add(c.value());
            }
        } else if (t instanceof Field f) {
            fields.putIfAbsent(f.field().fieldId(), f.field());
            out.append(varName(f.field().fieldId()));
        } else if (t instanceof Typed.LinkField f) {
            links.add(f.link());
            String var = null;
            for (LinkRead r : linkReads.values()) {
                if (r.linkKey().equals(f.link().key()) && r.field().fieldId() == f.field().fieldId()) {
                    var = r.var();
                }
            }
            if (var == null) {
                var = "l" + linkReads.size();
                linkReads.put(var, new LinkRead(var, f.link().key(), f.field()));
            }
            out.append(var);
        } else if (t instanceof Typed.ItemField f) {
            itemFields.putIfAbsent(f.field().fieldId(), f.field());
            out.append(itemVar(f.field().fieldId()));
        } else if (t instanceof Typed.Agg a) {
            links.add(a.link());
            itemFields = new LinkedHashMap<>();
            String value = a.value() == null ? null : inner(a.value());
            String filter = a.filter() == null ? null : inner(a.filter());
            String var = "g" + aggregates.size();
            aggregates.add(new AggregatePlan(var, a.aggregate(), a.link().key(), value, filter,
                    List.copyOf(itemFields.values())));
            itemFields = null;
            out.append(var);
        } else if (t instanceof Typed.Rank r) {
            emit(r.read());
        } else if (t instanceof Op o) {
            out.append("Rt.").append(o.helper()).append('(');
            if (CONTEXT_HELPERS.contains(o.helper())) {
                out.append(CONTEXT_VAR).append(", ");
            }
            for (int i = 0; i < o.args().size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                emit(o.args().get(i));
            }
            out.append(')');
        } else if (t instanceof Cond c) {
            out.append("(Rt.truthy(");
            emit(c.cond());
            out.append(") ? (");
            emit(c.then());
            out.append(") : (");
            emit(c.otherwise());
            out.append("))");
        } else {
            Fn f = (Fn) t;
            Integer idx = functionIndex.get(f.function());
            if (idx == null) {
                idx = functions.size();
                functions.add(f.function());
                functionIndex.put(f.function(), idx);
            }
            out.append("Rt.call(").append(FUNCTIONS_VAR).append(", ").append(CONTEXT_VAR).append(", ").append(idx)
                    .append(", ");
            argsArray(f.args());
            out.append(')');
        }
    }

    /** The MVEL source of a part of an aggregate, generated apart from the formula's. */
    private String inner(T t) {
        StringBuilder outer = out;
        out = new StringBuilder();
        emit(t);
        String source = out.toString();
        out = outer;
        return source;
    }

    /** Object[] of the arguments: Rt.aN(…) for up to 8, joined with Rt.j(…) beyond. */
    private void argsArray(List<T> args) {
        if (args.isEmpty()) {
            out.append("Rt.a0()");
            return;
        }
        int chunks = (args.size() + 7) / 8;
        for (int c = 1; c < chunks; c++) {
            out.append("Rt.j(");
        }
        for (int c = 0; c < chunks; c++) {
            int from = c * 8;
            int to = Math.min(args.size(), from + 8);
            out.append("Rt.a").append(to - from).append('(');
            for (int i = from; i < to; i++) {
                if (i > from) {
                    out.append(", ");
                }
                emit(args.get(i));
            }
            out.append(')');
            if (c > 0) {
                out.append(')');
            }
            if (c < chunks - 1) {
                out.append(", ");
            }
        }
    }
}
