package io.tierflow.rule.formula;

import java.util.ArrayList;
import java.util.List;

import io.tierflow.rule.formula.Ast.Aggregate;
import io.tierflow.rule.formula.Ast.Binary;
import io.tierflow.rule.formula.Ast.Call;
import io.tierflow.rule.formula.Ast.FieldNode;
import io.tierflow.rule.formula.Ast.ItemFieldNode;
import io.tierflow.rule.formula.Ast.LinkFieldNode;
import io.tierflow.rule.formula.Ast.Lit;
import io.tierflow.rule.formula.Ast.Node;
import io.tierflow.rule.formula.Ast.Ternary;
import io.tierflow.rule.formula.Ast.Unary;
import io.tierflow.rule.formula.Typed.Cond;
import io.tierflow.rule.formula.Typed.Const;
import io.tierflow.rule.formula.Typed.Field;
import io.tierflow.rule.formula.Typed.Fn;
import io.tierflow.rule.formula.Typed.Op;
import io.tierflow.rule.formula.Typed.T;

import static io.tierflow.rule.formula.ValueType.BOOLEAN;
import static io.tierflow.rule.formula.ValueType.DATE;
import static io.tierflow.rule.formula.ValueType.DATETIME;
import static io.tierflow.rule.formula.ValueType.NULL;
import static io.tierflow.rule.formula.ValueType.NUMBER;
import static io.tierflow.rule.formula.ValueType.TEXT;

/**
 * Checks an untyped tree and produces the typed tree.
 *
 * <h2>Typing</h2>
 * <ul>
 *   <li>{@code + - * / %} and unary {@code -} on NUMBER give NUMBER. {@code +} gives TEXT (concatenation) as soon
 *   as either side is TEXT; the other side may be of any type.</li>
 *   <li>DATE {@code +} NUMBER, NUMBER {@code +} DATE and DATE {@code -} NUMBER give DATE (the number counts days;
 *   a fraction is truncated toward zero); DATE {@code -} DATE gives NUMBER (days, left minus right).
 *   DATETIME {@code ±} NUMBER gives DATETIME (fractional days allowed, truncated to whole seconds);
 *   DATETIME {@code -} DATETIME gives NUMBER (days, fractional). DATE and DATETIME never mix.</li>
 *   <li>{@code == !=} need both sides of the same type; {@code < <= > >=} need the same type among NUMBER,
 *   TEXT (by Unicode code point), DATE, DATETIME (by instant). Comparisons cannot be chained.</li>
 *   <li>{@code && || !}, the condition of {@code ? :} need BOOLEAN; both branches of {@code ? :} must have the
 *   same type.</li>
 *   <li>The literal {@code null} has type NULL, which is accepted wherever any type is expected and unifies
 *   with every type.</li>
 *   <li>Function calls are checked by {@link FormulaFunction#returnType}.</li>
 * </ul>
 *
 * <h2>Null rules (at run time)</h2>
 * <ul>
 *   <li>Arithmetic (including date arithmetic and unary minus) with a null operand gives null.</li>
 *   <li>Division or remainder by zero gives null; an overflowing result (magnitude ≥ 1E1000) gives null.</li>
 *   <li>{@code == / !=}: null equals only null. Ordering comparisons with a null operand give false.</li>
 *   <li>In a boolean context ({@code && || !}, conditions) null counts as false, so {@code !null} is true.
 *   The results of {@code && || !} and of comparisons are never null.</li>
 *   <li>Text concatenation treats null as "".</li>
 *   <li>Functions define their own null handling (see each function's description).</li>
 * </ul>
 * Numbers follow {@link FormulaValues}: BigDecimal with DECIMAL64 rounding, equality by {@code compareTo}.
 */
final class TypeChecker {
    static final int MAX_TREE_DEPTH = 100;
    static final int MAX_NODES = 1000;

    private int nodes;

    static T check(Node n) {
        return new TypeChecker().visit(n, 1);
    }

    private static boolean numeric(ValueType t) {
        return t == NUMBER || t == NULL;
    }

    private static boolean bool(ValueType t) {
        return t == BOOLEAN || t == NULL;
    }

    private static FormulaException err(Node at, String code, Object... args) {
        return new FormulaException(code, at.pos().line(), at.pos().column(), args);
    }

    private T visit(Node n, int depth) {
        if (depth > MAX_TREE_DEPTH || ++nodes > MAX_NODES) {
            throw err(n, "formula.too-complex", MAX_TREE_DEPTH, MAX_NODES);
        }
        if (n instanceof Lit l) {
            return new Const(l.value(), l.type());
        }
        if (n instanceof FieldNode f) {
            return new Field(f.field());
        }
        if (n instanceof LinkFieldNode f) {
            return new Typed.LinkField(f.link(), f.field());
        }
        if (n instanceof ItemFieldNode f) {
            return new Typed.ItemField(f.field());
        }
        if (n instanceof Aggregate a) {
            return aggregate(a, depth);
        }
        if (n instanceof Ast.Rank r) {
            return rank(r, depth);
        }
        if (n instanceof Unary u) {
            T x = visit(u.operand(), depth + 1);
            if (u.op().equals("-")) {
                if (!numeric(x.type())) {
                    throw err(u, "formula.type-unary", "-", x.type(), NUMBER);
                }
                return new Op("neg", List.of(x), NUMBER);
            }
            if (!bool(x.type())) {
                throw err(u, "formula.type-unary", "!", x.type(), BOOLEAN);
            }
            return new Op("not", List.of(x), BOOLEAN);
        }
        if (n instanceof Binary b) {
            return binary(b, visit(b.left(), depth + 1), visit(b.right(), depth + 1));
        }
        if (n instanceof Ternary t) {
            T c = visit(t.cond(), depth + 1);
            if (!bool(c.type())) {
                throw err(t.cond(), "formula.type-condition",
                        new LocalizedText("The condition of '? :'", "“? :” 的条件"), c.type());
            }
            T a = visit(t.then(), depth + 1);
            T e = visit(t.otherwise(), depth + 1);
            ValueType u = unify(a.type(), e.type());
            if (u == null) {
                throw err(t, "formula.type-branches", a.type(), e.type());
            }
            return new Cond(c, a, e, u);
        }
        Call call = (Call) n;
        List<T> args = new ArrayList<>();
        List<ValueType> types = new ArrayList<>();
        for (Node a : call.args()) {
            T x = visit(a, depth + 1);
            args.add(x);
            types.add(x.type());
        }
        ValueType rt;
        try {
            rt = call.function().returnType(List.copyOf(types));
        } catch (FunctionArgumentException e) {
            Node at = e.argumentIndex() >= 0 && e.argumentIndex() < call.args().size()
                    ? call.args().get(e.argumentIndex()) : call;
            throw err(at, "formula.function-arguments", call.name(), e.reason(), call.function().signature());
        } catch (IllegalArgumentException e) {
            String m = e.getMessage() == null ? "invalid arguments" : e.getMessage();
            throw err(call, "formula.function-arguments", call.name(), new LocalizedText(m, m),
                    call.function().signature());
        }
        if (rt == null) {
            throw new IllegalStateException(call.name() + ".returnType returned null");
        }
        return new Fn(call.function(), List.copyOf(args), rt);
    }

    /** An aggregate: the value's type decides the result's; the condition must be yes/no. */
    private T aggregate(Aggregate a, int depth) {
        T value = a.value() == null ? null : visit(a.value(), depth + 1);
        T filter = a.filter() == null ? null : visit(a.filter(), depth + 1);
        ValueType rt;
        try {
            rt = a.aggregate().returnType(value == null ? null : value.type());
        } catch (FunctionArgumentException e) {
            throw err(a.value() == null ? a : a.value(), "formula.function-arguments", a.name(), e.reason(),
                    a.aggregate().signature());
        }
        if (filter != null && !bool(filter.type())) {
            throw err(a.filter(), "formula.type-condition",
                    new LocalizedText("The condition of " + a.name(), a.name() + " 的条件"), filter.type());
        }
        return new Typed.Agg(a.aggregate(), a.link(), value, filter, rt);
    }

    /** PERCENTRANK(number): read as BANDSCORE over the form's percentiles, or null before they are computed. */
    private T rank(Ast.Rank r, int depth) {
        T value = visit(r.value(), depth + 1);
        if (!numeric(value.type())) {
            throw err(r.value(), "formula.function-arguments", PercentRank.NAME,
                    new LocalizedText("it ranks numbers, not " + value.type().name().toLowerCase(java.util.Locale.ROOT),
                            "只能对数字排名，不能对" + value.type().name() + "排名"), PercentRank.SIGNATURE);
        }
        if (r.percentiles() == null || r.percentiles().isEmpty()) {
            return new Typed.Rank(value, r.expression(), new Const(null, NULL));
        }
        String[] band = PercentRank.bandArguments(r.percentiles());
        List<T> args = List.of(value, new Const(band[0], TEXT), new Const(band[1], TEXT));
        ValueType type = r.bandScore().returnType(List.of(value.type(), TEXT, TEXT));
        return new Typed.Rank(value, r.expression(), new Fn(r.bandScore(), args, type));
    }

    /** Same type, or NULL with anything; null when the types do not unify. */
    static ValueType unify(ValueType a, ValueType b) {
        if (a == b) {
            return a;
        }
        if (a == NULL) {
            return b;
        }
        if (b == NULL) {
            return a;
        }
        return null;
    }

    private static T op(String helper, ValueType type, T... args) {
        return new Op(helper, List.of(args), type);
    }

    private T binary(Binary b, T l, T r) {
        ValueType lt = l.type();
        ValueType rt = r.type();
        String o = b.op();
        switch (o) {
            case "+" -> {
                if (lt == TEXT || rt == TEXT) {
                    return op("concat", TEXT, l, r);
                }
                if (numeric(lt) && numeric(rt)) {
                    return op("add", lt == NULL && rt == NULL ? NULL : NUMBER, l, r);
                }
                if (lt == DATE && numeric(rt)) {
                    return op("datePlus", DATE, l, r);
                }
                if (numeric(lt) && rt == DATE) {
                    return op("datePlus", DATE, r, l);
                }
                if (lt == DATETIME && numeric(rt)) {
                    return op("dateTimePlus", DATETIME, l, r);
                }
                if (numeric(lt) && rt == DATETIME) {
                    return op("dateTimePlus", DATETIME, r, l);
                }
            }
            case "-" -> {
                if (numeric(lt) && numeric(rt)) {
                    return op("sub", lt == NULL && rt == NULL ? NULL : NUMBER, l, r);
                }
                if (lt == DATE && numeric(rt)) {
                    return op("dateMinus", DATE, l, r);
                }
                if ((lt == DATE || lt == NULL) && rt == DATE) {
                    return op("dateDiff", NUMBER, l, r);
                }
                if (lt == DATETIME && numeric(rt)) {
                    return op("dateTimeMinus", DATETIME, l, r);
                }
                if ((lt == DATETIME || lt == NULL) && rt == DATETIME) {
                    return op("dateTimeDiff", NUMBER, l, r);
                }
                if (lt == DATE && rt == NULL || lt == DATETIME && rt == NULL) {
                    return op(lt == DATE ? "dateMinus" : "dateTimeMinus", lt, l, r);
                }
            }
            case "*", "/", "%" -> {
                if (numeric(lt) && numeric(rt)) {
                    String h = o.equals("*") ? "mul" : o.equals("/") ? "div" : "mod";
                    return op(h, lt == NULL && rt == NULL ? NULL : NUMBER, l, r);
                }
            }
            case "==", "!=" -> {
                if (unify(lt, rt) == null) {
                    throw err(b, "formula.type-compare", lt, rt);
                }
                return op(o.equals("==") ? "eq" : "ne", BOOLEAN, l, r);
            }
            case "<", "<=", ">", ">=" -> {
                ValueType u = unify(lt, rt);
                if (u == null) {
                    throw err(b, "formula.type-compare", lt, rt);
                }
                if (u == BOOLEAN) {
                    throw err(b, "formula.type-order", o, BOOLEAN);
                }
                String h = switch (o) {
                    case "<" -> "lt";
                    case "<=" -> "le";
                    case ">" -> "gt";
                    default -> "ge";
                };
                return op(h, BOOLEAN, l, r);
            }
            case "&&", "||" -> {
                LocalizedText what = new LocalizedText("'" + o + "'", "“" + o + "”");
                if (!bool(lt)) {
                    throw err(b, "formula.type-condition", what, lt);
                }
                if (!bool(rt)) {
                    throw err(b, "formula.type-condition", what, rt);
                }
                return op(o.equals("&&") ? "and" : "or", BOOLEAN, l, r);
            }
            default -> throw new IllegalStateException("operator " + o);
        }
        throw err(b, "formula.type-binary", o, lt, rt);
    }
}
