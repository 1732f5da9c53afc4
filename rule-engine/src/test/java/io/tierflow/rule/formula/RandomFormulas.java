package io.tierflow.rule.formula;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import static io.tierflow.rule.formula.ValueType.BOOLEAN;
import static io.tierflow.rule.formula.ValueType.DATE;
import static io.tierflow.rule.formula.ValueType.DATETIME;
import static io.tierflow.rule.formula.ValueType.NUMBER;
import static io.tierflow.rule.formula.ValueType.TEXT;

/**
 * Random well-typed formula texts over {@link #SCOPE}: every operator and every built-in function, literals chosen
 * to hit the edges (ties at the 16th digit, overflow, tiny numbers, day and range limits, texts with CJK, emoji,
 * full-width forms, case-mapping specials, band and unit strings). {@code nullOk} says whether the literal
 * {@code null} (static type NULL) may stand where a value of the requested type is wanted; where it would change
 * the type of the surrounding expression it is not allowed. {@link #uses()} counts what was generated.
 */
final class RandomFormulas {
    static final FieldRef N1 = new FieldRef("n1", 1, NUMBER);
    static final FieldRef N2 = new FieldRef("n2", 2, NUMBER);
    static final FieldRef N3 = new FieldRef("金额", 3, NUMBER);
    static final FieldRef T1 = new FieldRef("t1", 4, TEXT);
    static final FieldRef T2 = new FieldRef("名称", 5, TEXT);
    static final FieldRef B1 = new FieldRef("b1", 6, BOOLEAN);
    static final FieldRef B2 = new FieldRef("b2", 7, BOOLEAN);
    static final FieldRef D1 = new FieldRef("d1", 8, DATE);
    static final FieldRef D2 = new FieldRef("d2", 9, DATE);
    static final FieldRef DT1 = new FieldRef("dt1", 10, DATETIME);
    static final FieldRef DT2 = new FieldRef("dt2", 11, DATETIME);
    static final List<FieldRef> FIELDS = List.of(N1, N2, N3, T1, T2, B1, B2, D1, D2, DT1, DT2);
    static final FormulaScope SCOPE = FormulaScope.of(FIELDS);

    private static final String[] NUMBERS = {"0", "1", "2", "3", "7", "10", "100", "0.1", "0.5", "2.5", "0.125",
            "1.005", "3.14159", "1e-3", "0.0000001", "1e9", "86400", "3652059", "1e15", "9999999999999999",
            "1234567890.123456", "0.3333333333333333", "1.5", "12345678901234567890", "1e999",
            "9.999999999999999e999", "1e-999", "5e-998", "1e500", "1e-500", "0.05", "99.5", "1e16", "20", "21",
            "12.345", "1.0000000000000005", "4.35"};
    private static final String[] TEXTS = {"", " ", "a", "abc", "ABC", "Straße", "ΟΔΟΣ", "İstanbul", "中文客户",
            "😀", "a😀b", "！", " pad ", "\t x\t", "1,2,3", "10,20,30", "60,80", "a,b,c,d", "C,B,A", "D", "m",
            " Y ", "x", "1e-5,.5,+2.", "٣", "ǅ", "ﬁ", "σς", "Ⅻ", "ǰ", "ŉ", "ß", "流失预警", "𠀀", "\u3000全角\u3000",
            "-1,0,1", "0.1,0.2", "1e999,1e-999", "a\\b", "\"q\"", "1,,2", ",", "Dm", "ǅΣ9", "ıǅ90Σ"};
    private static final String[] BOUNDS = {"10,20,30", "60,80", "0", "-1,0,1", "0.1,0.2", "1,2", "x", "", "5,1",
            "1e3,1e4", " 1 , 2 ", "1,,2", "+.5,5.", "1e99999", "0e5,1", "0e12345,1", "٣", "-1e-999,1e-999"};
    private static final String[] LABELS = {"1,2,3,4", "C,B,A", "a", "a,b", "a,b,c", "低,中,高", " x , y ", ",", ""};
    private static final String[] UNITS = {"D", "M", "Y", "d", " m ", "y", "x", "", "DD", "\tY"};

    private final Random rnd;
    private final Map<String, Integer> uses = new TreeMap<>();

    RandomFormulas(Random rnd) {
        this.rnd = rnd;
    }

    Map<String, Integer> uses() {
        return uses;
    }

    private String use(String what, String text) {
        uses.merge(what, 1, Integer::sum);
        return text;
    }

    private <X> X pick(X[] xs) {
        return xs[rnd.nextInt(xs.length)];
    }

    private boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t").replace("\n", "\\n") + "\"";
    }

    private static String p(String s) {
        return "(" + s + ")";
    }

    String of(ValueType type, int depth, boolean nullOk) {
        if (nullOk && chance(6)) {
            return use("null", "null");
        }
        return switch (type) {
            case NUMBER -> number(depth);
            case TEXT -> text(depth);
            case BOOLEAN -> bool(depth);
            case DATE -> date(depth);
            case DATETIME -> dateTime(depth);
            case NULL -> "null";
        };
    }

    private ValueType anyType() {
        return new ValueType[]{NUMBER, TEXT, BOOLEAN, DATE, DATETIME}[rnd.nextInt(5)];
    }

    /** Two operands of which at most one may be the literal null. */
    private String[] pair(ValueType a, ValueType b, int depth) {
        boolean firstMayBeNull = rnd.nextBoolean();
        return new String[]{of(a, depth, firstMayBeNull), of(b, depth, !firstMayBeNull)};
    }

    private String args(int n, Supplier<String> arg) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(arg.get());
        }
        return sb.toString();
    }

    String number(int depth) {
        if (depth <= 0 || chance(25)) {
            return chance(55) ? pick(new FieldRef[]{N1, N2, N3}).key()
                    : chance(15) ? use("neg", "-" + pick(NUMBERS)) : pick(NUMBERS);
        }
        int d = depth - 1;
        switch (rnd.nextInt(24)) {
            case 0 -> {
                return use("neg", "-" + p(number(d)));
            }
            case 1, 2, 3, 4, 5 -> {
                String op = pick(new String[]{"+", "-", "*", "/", "%"});
                String[] x = pair(NUMBER, NUMBER, d);
                return use(op, p(x[0]) + " " + op + " " + p(x[1]));
            }
            case 6 -> {
                return use("?:", p(bool(d)) + " ? " + p(of(NUMBER, d, true)) + " : " + p(number(d)));
            }
            case 7 -> {
                return use("IF", "IF(" + of(BOOLEAN, d, true) + ", " + number(d) + ", " + of(NUMBER, d, true) + ")");
            }
            case 8 -> {
                return use("IFNULL", "IFNULL(" + of(NUMBER, d, true) + ", " + number(d) + ")");
            }
            case 9 -> {
                return use("ABS", "ABS(" + of(NUMBER, d, true) + ")");
            }
            case 10 -> {
                return chance(30) ? use("ROUND", "ROUND(" + of(NUMBER, d, true) + ")")
                        : use("ROUND", "ROUND(" + of(NUMBER, d, true) + ", " + of(NUMBER, d, true) + ")");
            }
            case 11 -> {
                String fn = rnd.nextBoolean() ? "MIN" : "MAX";
                return use(fn, fn + "(" + number(d) + (chance(80) ? ", " + args(1 + rnd.nextInt(3),
                        () -> of(NUMBER, d, true)) : "") + ")");
            }
            case 12 -> {
                return use("SUM", "SUM(" + args(1 + rnd.nextInt(5), () -> of(NUMBER, d, true)) + ")");
            }
            case 13 -> {
                return use("LEN", "LEN(" + of(TEXT, d, true) + ")");
            }
            case 14 -> {
                String fn = rnd.nextBoolean() ? "YEAR" : "MONTH";
                return use(fn, fn + "(" + of(rnd.nextBoolean() ? DATE : DATETIME, d, true) + ")");
            }
            case 15, 16 -> {
                ValueType t = rnd.nextBoolean() ? DATE : DATETIME;
                String unit = chance(30) ? "" : ", " + (chance(85) ? quote(pick(UNITS)) : of(TEXT, d, true));
                return use("DATEDIF", "DATEDIF(" + of(t, d, true) + ", "
                        + of(rnd.nextBoolean() ? DATE : DATETIME, d, true) + unit + ")");
            }
            case 17 -> {
                return use("DAYSSINCE", "DAYSSINCE(" + of(rnd.nextBoolean() ? DATE : DATETIME, d, true) + ")");
            }
            case 18, 19 -> {
                // null on the left only: "date - null" is date minus days, a DATE
                return use("date-date", p(of(DATE, d, true)) + " - " + p(date(d)));
            }
            case 20, 21 -> {
                return use("datetime-datetime", p(of(DATETIME, d, true)) + " - " + p(dateTime(d)));
            }
            default -> {
                return use("SUM", "SUM(" + number(d) + ")");
            }
        }
    }

    String text(int depth) {
        if (depth <= 0 || chance(25)) {
            return chance(50) ? pick(new FieldRef[]{T1, T2}).key() : quote(pick(TEXTS));
        }
        int d = depth - 1;
        switch (rnd.nextInt(12)) {
            case 0, 1, 2 -> {
                String other = of(anyType(), d, true);
                return use("+text", rnd.nextBoolean() ? p(text(d)) + " + " + p(other) : p(other) + " + " + p(text(d)));
            }
            case 3 -> {
                return use("CONCAT", "CONCAT(" + args(1 + rnd.nextInt(4), () -> of(anyType(), d, true)) + ")");
            }
            case 4 -> {
                String fn = pick(new String[]{"UPPER", "LOWER", "TRIM"});
                return use(fn, fn + "(" + of(TEXT, d, true) + ")");
            }
            case 5, 6 -> {
                String bounds = chance(80) ? quote(pick(BOUNDS)) : of(TEXT, d, true);
                String labels = chance(80) ? quote(pick(LABELS)) : of(TEXT, d, true);
                return use("BAND", "BAND(" + of(NUMBER, d, true) + ", " + bounds + ", " + labels + ")");
            }
            case 7 -> {
                return use("?:", p(bool(d)) + " ? " + p(text(d)) + " : " + p(of(TEXT, d, true)));
            }
            case 8 -> {
                return use("IF", "IF(" + of(BOOLEAN, d, true) + ", " + of(TEXT, d, true) + ", " + text(d) + ")");
            }
            case 9 -> {
                return use("IFNULL", "IFNULL(" + of(TEXT, d, true) + ", " + text(d) + ")");
            }
            default -> {
                return use("+text", p(text(d)) + " + " + p(of(NUMBER, d, true)));
            }
        }
    }

    String bool(int depth) {
        if (depth <= 0 || chance(20)) {
            return chance(60) ? pick(new FieldRef[]{B1, B2}).key() : pick(new String[]{"true", "false", "TRUE"});
        }
        int d = depth - 1;
        switch (rnd.nextInt(14)) {
            case 0, 1, 2, 3 -> {
                ValueType t = new ValueType[]{NUMBER, TEXT, DATE, DATETIME}[rnd.nextInt(4)];
                String op = pick(new String[]{"==", "!=", "<", "<=", ">", ">="});
                return use(op, p(of(t, d, true)) + " " + op + " " + p(of(t, d, true)));
            }
            case 4 -> {
                String op = rnd.nextBoolean() ? "==" : "!=";
                return use(op, p(of(BOOLEAN, d, true)) + " " + op + " " + p(of(BOOLEAN, d, true)));
            }
            case 5, 6 -> {
                String op = pick(new String[]{"&&", "||", "and", "or"});
                return use(op.length() == 2 ? op : op.equals("and") ? "&&" : "||",
                        p(of(BOOLEAN, d, true)) + " " + op + " " + p(of(BOOLEAN, d, true)));
            }
            case 7 -> {
                return use("!", (rnd.nextBoolean() ? "!" : "not ") + p(of(BOOLEAN, d, true)));
            }
            case 8 -> {
                String fn = pick(new String[]{"AND", "OR"});
                return use(fn, fn + "(" + args(1 + rnd.nextInt(3), () -> of(BOOLEAN, d, true)) + ")");
            }
            case 9 -> {
                return use("NOT", "NOT(" + of(BOOLEAN, d, true) + ")");
            }
            case 10 -> {
                return use("ISBLANK", "ISBLANK(" + of(chance(60) ? TEXT : anyType(), d, true) + ")");
            }
            case 11 -> {
                return use("CONTAINS", "CONTAINS(" + of(TEXT, d, true) + ", " + of(TEXT, d, true) + ")");
            }
            case 12 -> {
                return use("IFNULL", "IFNULL(" + of(BOOLEAN, d, true) + ", " + bool(d) + ")");
            }
            default -> {
                return rnd.nextBoolean()
                        ? use("?:", p(bool(d)) + " ? " + p(bool(d)) + " : " + p(of(BOOLEAN, d, true)))
                        : use("IF", "IF(" + of(BOOLEAN, d, true) + ", " + of(BOOLEAN, d, true) + ", " + bool(d) + ")");
            }
        }
    }

    String date(int depth) {
        if (depth <= 0 || chance(30)) {
            return chance(85) ? pick(new FieldRef[]{D1, D2}).key() : use("TODAY", "TODAY()");
        }
        int d = depth - 1;
        switch (rnd.nextInt(8)) {
            case 0, 1 -> {
                return use("date+n", p(date(d)) + " + " + p(of(NUMBER, d, true)));
            }
            case 2 -> {
                return use("date+n", p(of(NUMBER, d, true)) + " + " + p(date(d)));
            }
            case 3, 4 -> {
                return use("date-n", p(date(d)) + " - " + p(of(NUMBER, d, true)));
            }
            case 5 -> {
                String fn = rnd.nextBoolean() ? "MIN" : "MAX";
                return use(fn, fn + "(" + date(d) + ", " + of(DATE, d, true) + ")");
            }
            case 6 -> {
                return use("IFNULL", "IFNULL(" + of(DATE, d, true) + ", " + date(d) + ")");
            }
            default -> {
                return use("?:", p(bool(d)) + " ? " + p(date(d)) + " : " + p(of(DATE, d, true)));
            }
        }
    }

    String dateTime(int depth) {
        if (depth <= 0 || chance(30)) {
            return pick(new FieldRef[]{DT1, DT2}).key();
        }
        int d = depth - 1;
        switch (rnd.nextInt(8)) {
            case 0, 1 -> {
                return use("datetime+n", p(dateTime(d)) + " + " + p(of(NUMBER, d, true)));
            }
            case 2 -> {
                return use("datetime+n", p(of(NUMBER, d, true)) + " + " + p(dateTime(d)));
            }
            case 3, 4 -> {
                return use("datetime-n", p(dateTime(d)) + " - " + p(of(NUMBER, d, true)));
            }
            case 5 -> {
                String fn = rnd.nextBoolean() ? "MIN" : "MAX";
                return use(fn, fn + "(" + of(DATETIME, d, true) + ", " + dateTime(d) + ")");
            }
            case 6 -> {
                return use("IF", "IF(" + of(BOOLEAN, d, true) + ", " + dateTime(d) + ", "
                        + of(DATETIME, d, true) + ")");
            }
            default -> {
                return use("?:", p(bool(d)) + " ? " + p(of(DATETIME, d, true)) + " : " + p(dateTime(d)));
            }
        }
    }
}
