package io.tierflow.rule.formula;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Translates a typed tree into one PostgreSQL expression with the same result as the generated MVEL, operator by
 * operator (see {@link SqlOperators}) and function by function ({@link FormulaFunction#sql}), using the
 * {@code tf_*} helpers of {@code db/rule/V2_0_1__formula_sql_helpers.sql} and {@code V2_0_2__more_formula_helpers.sql}.
 * Values never enter the SQL text: while
 * generating, a parameter is a marker {@code \u0001n\u0002} and a function argument a token {@code \u0003i\u0004};
 * {@link #finish} turns the markers into placeholders and the parameter list in text order. Every fragment this
 * class returns is an atom (a name, a call, a CAST, a CASE or something parenthesised), so fragments compose
 * without precedence surprises.
 */
final class SqlGenerator {
    /** A column expression: identifiers, optionally qualified, plain or double-quoted (no quotes, ? or $ inside). */
    private static final String NAME = "(?:[A-Za-z_][A-Za-z0-9_]*|\"[^\"?$\\x00-\\x1f]+\")";
    private static final Pattern COLUMN = Pattern.compile(NAME + "(?:\\." + NAME + ")*");
    private static final Pattern MARKER = Pattern.compile("\u0001(\\d+)\u0002");
    private static final Pattern ARG = Pattern.compile("\u0003(\\d+)\u0004");
    /** What a function's translation may contain besides argument tokens and parameter markers. */
    private static final Pattern FUNCTION_SQL = Pattern.compile("[A-Za-z0-9_ ,.()+\\-*/<>=|:\\n]*");

    private final Function<FieldRef, String> column;
    private final FormulaContext context;
    private final List<Object> values = new ArrayList<>();
    private final Map<Long, String> columns = new HashMap<>();

    private SqlGenerator(Function<FieldRef, String> column, FormulaContext context) {
        this.column = Objects.requireNonNull(column, "column");
        this.context = Objects.requireNonNull(context, "context");
    }

    static SqlExpression generate(T tree, Function<FieldRef, String> column, FormulaContext context,
                                  SqlExpression.Placeholders style, int first) {
        SqlGenerator g = new SqlGenerator(column, context);
        String sql = g.emit(tree, tree.type() == NULL ? TEXT : tree.type());
        return g.finish(sql, style, first);
    }

    /** What is known of a number tree's digits, with {@code column}'s bounds for derived values; see {@link #bound(T)}. */
    static SqlBound bound(T tree, Function<FieldRef, String> column, FormulaContext context) {
        return tree.type() == NUMBER ? new SqlGenerator(column, context).bound(tree) : null;
    }

    FormulaContext context() {
        return context;
    }

    static String nullOf(ValueType type) {
        return "CAST(NULL AS " + SqlArgs.sqlType(type) + ")";
    }

    static String argToken(int i) {
        return "\u0003" + i + "\u0004";
    }

    String param(Object value) {
        String type;
        if (value instanceof BigDecimal) {
            type = "numeric";
        } else if (value instanceof String) {
            type = "text";
        } else if (value instanceof LocalDate) {
            type = "date";
        } else {
            throw new IllegalArgumentException("no SQL parameters of type "
                    + (value == null ? "null" : value.getClass().getName()));
        }
        values.add(value);
        return "CAST(\u0001" + (values.size() - 1) + "\u0002 AS " + type + ")";
    }

    /** The context's time zone, as a parameter. */
    String zone() {
        return param(context.sqlZone());
    }

    /** The text form of a fragment of the given static type (FormulaValues.toText); never NULL. */
    String text(String sql, ValueType type) {
        return switch (type) {
            case NUMBER -> "tf_text_num(" + sql + ")";
            case TEXT, NULL -> "tf_text(" + sql + ")";
            case BOOLEAN -> "tf_text_bool(" + sql + ")";
            case DATE -> "tf_text_date(" + sql + ")";
            case DATETIME -> "tf_text_dt(" + sql + ", " + zone() + ")";
        };
    }

    /** The calendar date of a DATE or DATETIME fragment. */
    String date(String sql, ValueType type) {
        return switch (type) {
            case DATE, NULL -> sql;
            case DATETIME -> "tf_local_date(" + sql + ", " + zone() + ")";
            default -> throw new IllegalArgumentException("not a date: " + type);
        };
    }

    /** The SQL of {@code t}; if its static type is NULL, a NULL of type {@code want}. */
    String emit(T t, ValueType want) {
        if (t.type() == NULL) {
            return nullOf(want);
        }
        if (t instanceof Const c) {
            return c.value() instanceof Boolean b ? (b ? "TRUE" : "FALSE") : param(c.value());
        }
        if (t instanceof Field f) {
            return field(f.field());
        }
        if (t instanceof Typed.LinkField f) {
            return linkField(f.link(), f.field());
        }
        if (t instanceof Typed.ItemField f) {
            return input(f.field(), ITEM + "." + aggregating.columns().get(f.field().fieldId()));
        }
        if (t instanceof Typed.Agg a) {
            return aggregate(a);
        }
        if (t instanceof Typed.Rank r) {
            return emit(r.read(), NUMBER);
        }
        if (t instanceof Op o) {
            return SqlOperators.emit(this, o);
        }
        if (t instanceof Cond c) {
            return "CASE WHEN " + emit(c.cond(), BOOLEAN) + " THEN " + emit(c.then(), c.type())
                    + " ELSE " + emit(c.otherwise(), c.type()) + " END";
        }
        return call((Fn) t);
    }

    /** A field's column, read with the input rules of MVEL: numbers rounded, dates limited to their range. */
    private String field(FieldRef f) {
        String col = column(f);
        if (f.fieldId() < 0) {
            // a value the tier model derived (a score, a dimension's points): the output of a formula, already in
            // the range and precision formulas give, so it is read as it is (MVEL's input rule leaves it unchanged)
            return col;
        }
        return input(f, col);
    }

    /** The row's column for a field, as the caller names it. */
    private String column(FieldRef f) {
        return columns.computeIfAbsent(f.fieldId(), id -> {
            String c = column.apply(f);
            if (c == null || !COLUMN.matcher(c).matches()) {
                throw new IllegalArgumentException("not a column expression for field " + f.fieldId() + ": " + c);
            }
            return c;
        });
    }

    /** Alias of the linked record (ONE) and of the records aggregated (MANY), unlike any the caller's query uses. */
    private static final String ONE = "tf_one";
    private static final String ITEM = "tf_item";

    /** The MANY link whose aggregate is being generated. */
    private Link aggregating;

    /** A ONE link's field: the linked record's column, null when there is none or it is in the trash. */
    private String linkField(Link link, FieldRef f) {
        return "(SELECT " + input(f, ONE + "." + link.columns().get(f.fieldId())) + " FROM " + link.table() + " " + ONE
                + " WHERE " + ONE + "." + link.idColumn() + " = " + column(link.via()) + " AND " + ONE + "."
                + link.liveColumn() + " IS NULL)";
    }

    /**
     * An aggregate: a subquery {@code x} of the matching records' values ({@code x.v}, and for ordered aggregates
     * {@code x.c}, {@code x.i} to take the newest), aggregated as the function says.
     */
    private String aggregate(Typed.Agg a) {
        if (!(column instanceof SqlNames names)) {
            throw new IllegalArgumentException("the formula aggregates related records; give SqlNames with the row id");
        }
        String rowId = names.rowId();
        if (rowId == null || !COLUMN.matcher(rowId).matches()) {
            throw new IllegalArgumentException("not a row id column: " + rowId);
        }
        Link link = a.link();
        aggregating = link;
        String value = a.value() == null ? "NULL" : emit(a.value(), a.value().type());
        String filter = a.filter() == null ? null : emit(a.filter(), BOOLEAN);
        aggregating = null;
        String via = ITEM + "." + link.columns().get(link.via().fieldId());
        StringBuilder inner = new StringBuilder("SELECT ").append(value).append(" AS v");
        if (a.aggregate().ordered()) {
            inner.append(", ").append(ITEM).append('.').append(link.createdColumn()).append(" AS c, ")
                    .append(ITEM).append('.').append(link.idColumn()).append(" AS i");
        }
        inner.append(" FROM ").append(link.table()).append(' ').append(ITEM).append(" WHERE ")
                .append(link.viaIsArray() ? rowId + " = ANY(" + via + ")" : via + " = " + rowId)
                .append(" AND ").append(ITEM).append('.').append(link.liveColumn()).append(" IS NULL");
        if (filter != null) {
            inner.append(" AND ").append(filter);
        }
        String agg = a.aggregate().sql();
        if (agg == null || !FUNCTION_SQL.matcher(agg).matches() || agg.contains("--") || agg.contains("/*")) {
            throw new IllegalStateException(a.aggregate().name() + ": SQL contains characters it may not: " + agg);
        }
        return "(SELECT " + agg + " FROM (" + inner + ") x"
                + (a.aggregate().ordered() ? " ORDER BY x.c DESC, x.i DESC LIMIT 1)" : ")");
    }

    /**
     * What is known of a number fragment's digits ({@link SqlBound}): constants, arithmetic on known numbers that
     * needs no rounding, conditions and argument-picking functions over known numbers, and the derived values the
     * caller knows ({@link SqlNames#bound}); null for anything else (a field, a division, a function result).
     */
    SqlBound bound(T t) {
        if (t instanceof Const c) {
            return c.value() instanceof BigDecimal b ? SqlBound.of(b) : null;
        }
        if (t instanceof Field f) {
            return f.field().fieldId() < 0 && column instanceof SqlNames names ? names.bound(f.field()) : null;
        }
        if (t instanceof Cond c) {
            return SqlBound.union(c.then().type() == NULL ? bound(c.otherwise()) : bound(c.then()),
                    c.otherwise().type() == NULL ? bound(c.then()) : bound(c.otherwise()));
        }
        if (t instanceof Fn fn && fn.function().resultIsAnArgument()) {
            SqlBound all = null;
            boolean any = false;
            for (T a : fn.args()) {
                if (a.type() == NUMBER) {
                    SqlBound b = bound(a);
                    all = any ? SqlBound.union(all, b) : b;
                    any = true;
                }
            }
            return all;
        }
        if (t instanceof Op o && o.type() == NUMBER) {
            List<T> a = o.args();
            SqlBound l = bound(a.get(0));
            SqlBound r = a.size() > 1 ? bound(a.get(1)) : null;
            return switch (o.helper()) {
                case "neg" -> l;
                case "add", "sub" -> l == null || r == null ? null
                        : SqlBound.fitting(Math.max(l.integerDigits(), r.integerDigits()) + 1, Math.max(l.scale(), r.scale()));
                case "mul" -> l == null || r == null ? null
                        : SqlBound.fitting(l.integerDigits() + r.integerDigits(), l.scale() + r.scale());
                default -> null;
            };
        }
        return null;
    }

    /** A column read with a field's input rule. */
    private static String input(FieldRef f, String col) {
        return switch (f.type()) {
            case NUMBER -> "tf_num_in(" + col + ")";
            case DATE -> "tf_date_in(" + col + ")";
            case DATETIME -> "tf_dt_in(" + col + ")";
            default -> col;
        };
    }

    /** A function call: its own translation, then the checks MVEL's Rt.call applies to every result. */
    private String call(Fn fn) {
        List<String> args = new ArrayList<>(fn.args().size());
        List<ValueType> types = new ArrayList<>(fn.args().size());
        for (T a : fn.args()) {
            types.add(a.type());
            args.add(a.type() == NULL ? null : emit(a, a.type()));
        }
        String template = fn.function().sql(new SqlArgs(this, types, fn.type()));
        String sql = fillIn(fn.function().name(), template, args);
        return switch (fn.type()) {
            case NUMBER -> fn.function().resultIsAnArgument() ? sql : "tf_range(" + sql + ")";
            case TEXT -> "tf_check_text(" + sql + ")";
            default -> sql;
        };
    }

    private static String fillIn(String name, String template, List<String> args) {
        if (template == null) {
            throw new IllegalStateException(name + ": no SQL translation");
        }
        String rest = MARKER.matcher(ARG.matcher(template).replaceAll("")).replaceAll("");
        if (!FUNCTION_SQL.matcher(rest).matches() || rest.contains("--") || rest.contains("/*")) {
            throw new IllegalStateException(name + ": SQL translation contains characters it may not: " + rest);
        }
        boolean[] used = new boolean[args.size()];
        Matcher m = ARG.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            if (i >= args.size() || args.get(i) == null || used[i]) {
                throw new IllegalStateException(name + ": SQL translation uses argument " + i + " wrongly");
            }
            used[i] = true;
            m.appendReplacement(out, Matcher.quoteReplacement(args.get(i)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private SqlExpression finish(String sql, SqlExpression.Placeholders style, int first) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        Matcher m = MARKER.matcher(sql);
        int from = 0;
        while (m.find()) {
            parts.add(sql.substring(from, m.start()));
            params.add(values.get(Integer.parseInt(m.group(1))));
            from = m.end();
        }
        parts.add(sql.substring(from));
        for (String p : parts) {
            if (p.indexOf('?') >= 0 || p.indexOf('$') >= 0 || p.indexOf('\'') >= 0 || p.indexOf(';') >= 0
                    || p.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
                throw new IllegalStateException("unexpected character in generated SQL: " + p);
            }
        }
        return new SqlExpression(parts, params, style, first);
    }
}
