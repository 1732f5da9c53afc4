package io.tierflow.rule.function;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.tierflow.rule.formula.FormulaFunction;
import io.tierflow.rule.formula.FunctionArgumentException;
import io.tierflow.rule.formula.SqlArgs;
import io.tierflow.rule.formula.ValueType;

/** Common parts of the built-in functions: names, texts and argument checks with zh/en messages. */
public abstract class AbstractFormulaFunction implements FormulaFunction {
    private final String name;
    private final String signature;
    private final String en;
    private final String zh;
    private final List<String> examples;

    protected AbstractFormulaFunction(String name, String signature, String en, String zh, String... examples) {
        this.name = name;
        this.signature = signature;
        this.en = en;
        this.zh = zh;
        this.examples = List.of(examples);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String signature() {
        return signature;
    }

    @Override
    public String description(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? zh : en;
    }

    @Override
    public List<String> examples() {
        return examples;
    }

    // ---- argument checks -------------------------------------------------------------------------------

    /** Checks the argument count; max = Integer.MAX_VALUE for "no upper bound" (the parser caps calls at 64). */
    protected void arity(List<ValueType> types, int min, int max) {
        int n = types.size();
        if (n >= min && n <= max) {
            return;
        }
        String en;
        String zh;
        if (min == max) {
            en = "expects " + min + " argument" + (min == 1 ? "" : "s") + " but got " + n + ".";
            zh = "需要 " + min + " 个参数，实际为 " + n + " 个。";
        } else if (max == Integer.MAX_VALUE) {
            en = "expects at least " + min + " argument" + (min == 1 ? "" : "s") + " but got " + n + ".";
            zh = "至少需要 " + min + " 个参数，实际为 " + n + " 个。";
        } else {
            en = "expects " + min + " to " + max + " arguments but got " + n + ".";
            zh = "需要 " + min + " 到 " + max + " 个参数，实际为 " + n + " 个。";
        }
        throw new FunctionArgumentException(-1, en, zh);
    }

    /** Argument {@code i} must have one of the allowed types (NULL is always accepted). */
    protected void expect(List<ValueType> types, int i, ValueType... allowed) {
        ValueType t = types.get(i);
        if (t == ValueType.NULL) {
            return;
        }
        for (ValueType a : allowed) {
            if (a == t) {
                return;
            }
        }
        StringBuilder en = new StringBuilder();
        StringBuilder zh = new StringBuilder();
        for (int k = 0; k < allowed.length; k++) {
            if (k > 0) {
                en.append(" or ");
                zh.append("或");
            }
            en.append(allowed[k].displayName(Locale.ENGLISH));
            zh.append(allowed[k].displayName(Locale.CHINESE));
        }
        throw new FunctionArgumentException(i,
                "argument " + (i + 1) + " must be " + en + " but is " + t.displayName(Locale.ENGLISH) + ".",
                "第 " + (i + 1) + " 个参数必须是" + zh + "，实际是" + t.displayName(Locale.CHINESE) + "。");
    }

    /** All arguments from {@code from} on must have the allowed types. */
    protected void expectAll(List<ValueType> types, int from, ValueType... allowed) {
        for (int i = from; i < types.size(); i++) {
            expect(types, i, allowed);
        }
    }

    /** The common type of arguments {@code from..}, NULL unifying with anything; error on a mismatch. */
    protected ValueType unifyAll(List<ValueType> types, int from) {
        ValueType u = ValueType.NULL;
        for (int i = from; i < types.size(); i++) {
            ValueType t = types.get(i);
            if (t == ValueType.NULL || t == u) {
                continue;
            }
            if (u != ValueType.NULL) {
                throw new FunctionArgumentException(i,
                        "argument " + (i + 1) + " is " + t.displayName(Locale.ENGLISH) + " but the earlier ones are "
                                + u.displayName(Locale.ENGLISH) + "; they must have the same type.",
                        "第 " + (i + 1) + " 个参数是" + t.displayName(Locale.CHINESE) + "，而前面的参数是"
                                + u.displayName(Locale.CHINESE) + "，类型必须相同。");
            }
            u = t;
        }
        return u;
    }

    // ---- value helpers ---------------------------------------------------------------------------------

    protected static BigDecimal num(Object o) {
        return (BigDecimal) o;
    }

    protected static String text(Object o) {
        return (String) o;
    }

    /**
     * The calendar date of a DATE or a DATETIME; null stays null. A DATETIME's own offset is the evaluation zone's
     * (CompiledFormula converts inputs, date-time arithmetic keeps it so), hence its date is the zone's date.
     */
    protected static LocalDate date(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t.toLocalDate();
        }
        return (LocalDate) o;
    }

    protected static boolean truthy(Object o) {
        return Boolean.TRUE.equals(o);
    }

    /** The arguments as conditions (null counts as false) joined by {@code op} (" AND " or " OR "). */
    protected static String truths(SqlArgs a, String op) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.size(); i++) {
            sb.append(i == 0 ? "" : op).append("COALESCE(").append(a.get(i, ValueType.BOOLEAN)).append(", FALSE)");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return signature + " " + Arrays.toString(examples.toArray());
    }
}
