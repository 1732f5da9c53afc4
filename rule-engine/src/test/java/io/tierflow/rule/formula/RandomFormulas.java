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
public final class RandomFormulas {
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
    public static final FormulaScope SCOPE = FormulaScope.of(FIELDS);

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
    private static final String[] ADD_UNITS = {"Y", "Q", "M", "W", "D", "H", "MI", "S", " mi ", "d", "q", "x", "",
            "Mi", "min", "mı", "\tS", "ｍ"};
    private static final String[] EXPONENTS = {"2", "3", "0.5", "-1", "1.5", "0", "-2", "10", "0.25", "1e3", "-0.5",
            "1e-3", "12", "1000", "2400", "0.3333333333333333", "1e20"};
    private static final String[] NUMBER_FORMATS = {"0", "0.00", "#,##0", "#,##0.00", "0%", "0.0%",
            "#,##0.0000000000", "0.000", "00", "#,##", "0.00000000000", "", "yyyy", "0.0%%", " 0"};
    private static final String[] DATE_FORMATS = {"yyyy-MM-dd", "yyyy年M月d日", "yy/M/d H:m:s", "HH:mm:ss",
            "YYYY.DD", "dd.MM.yyyy", "yyyyy", "MMM", "T", "x", "yyyy-MM-ddTHH:mm", "", "ss", "H时m分s秒", "0.00"};
    private static final String[] LISTS = {"a,b,c", " a , b ", "", ",", "VIP,战略", "1,2,3", "a", "a,,b", "A,B"};
    private static final String[] ITEMS = {"a", " b", "", "VIP", "x", "1", "A", "战略", " "};
    private static final String[] DATE_TEXTS = {"2024-02-29", "2023-02-29", "2024/6/1", "2024.6.1", "2024年6月1日",
            " 2024-1-5 ", "2024-01/05", "0000-01-01", "9999-12-31", "24-1-1", "2024-13-01", "２０２４-1-1", "abc", "",
            "2024-1-1\t", "2024-04-31", "0001-01-01"};
    private static final String[] VALUE_TEXTS = {" 12.5 ", "1e3", "-0.5", "abc", "", "1,234", "+.5", "1e9999",
            "9.9999999999999999e999", "٣", "12345678901234567890", "1e-999", "0.1", "5."};
    private static final String[] SCORES = {"5,3,2,1", "1,2,3", "a,b", "1e3,2", "0.5,1.5,2.5", "x,1,2,3", "3,2",
            "1,2,3,4", "9.99999999999999999e999,1"};
    private static final String[] SMALL = {"0", "1", "2", "3", "5", "-1", "2.5", "10", "13", "-7", "0.5"};

    private final Random rnd;
    private final Map<String, Integer> uses = new TreeMap<>();
    /** How a field is written: its key, or a path through a link ({@code items.n1}). */
    private final java.util.function.Function<FieldRef, String> fieldText;

    RandomFormulas(Random rnd) {
        this(rnd, FieldRef::key);
    }

    RandomFormulas(Random rnd, java.util.function.Function<FieldRef, String> fieldText) {
        this.rnd = rnd;
        this.fieldText = fieldText;
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

    /** A literal from the pool (quoted if text) most of the time, else a generated value of the type. */
    private String lit(String[] pool, ValueType type, int d, int percent) {
        if (chance(percent)) {
            String v = pick(pool);
            return type == TEXT ? quote(v) : v.startsWith("-") ? "(" + v + ")" : v;
        }
        return of(type, d, true);
    }

    private ValueType dateOrTime() {
        return rnd.nextBoolean() ? DATE : DATETIME;
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
            return chance(55) ? fieldText.apply(pick(new FieldRef[]{N1, N2, N3}))
                    : chance(15) ? use("neg", "-" + pick(NUMBERS)) : pick(NUMBERS);
        }
        int d = depth - 1;
        if (chance(50)) {
            return moreNumbers(d);
        }
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
            return chance(50) ? fieldText.apply(pick(new FieldRef[]{T1, T2})) : quote(pick(TEXTS));
        }
        int d = depth - 1;
        if (chance(45)) {
            return moreTexts(d);
        }
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
            return chance(60) ? fieldText.apply(pick(new FieldRef[]{B1, B2})) : pick(new String[]{"true", "false", "TRUE"});
        }
        int d = depth - 1;
        if (chance(40)) {
            return moreBools(d);
        }
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
            return chance(85) ? fieldText.apply(pick(new FieldRef[]{D1, D2})) : use("TODAY", "TODAY()");
        }
        int d = depth - 1;
        if (chance(45)) {
            return moreDates(d);
        }
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
            return fieldText.apply(pick(new FieldRef[]{DT1, DT2}));
        }
        int d = depth - 1;
        if (chance(30)) {
            return moreDateTimes(d);
        }
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

    // ---- the functions of the larger library (issue #4) --------------------------------------------------------

    /** IFS, SWITCH, COALESCE or CHOOSE with results of the given type. */
    private String choice(ValueType type, int d, Supplier<String> result) {
        switch (rnd.nextInt(4)) {
            case 0 -> {
                StringBuilder sb = new StringBuilder("IFS(");
                for (int i = rnd.nextInt(3); i >= 0; i--) {
                    sb.append(of(BOOLEAN, d, true)).append(", ").append(of(type, d, true)).append(", ");
                }
                if (chance(40)) {
                    sb.append(of(BOOLEAN, d, true)).append(", ");  // the result as the last pair's value
                }
                sb.append(result.get());
                return use("IFS", sb.append(")").toString());
            }
            case 1 -> {
                ValueType key = new ValueType[]{NUMBER, TEXT, BOOLEAN, DATE, DATETIME}[rnd.nextInt(5)];
                String[] keyPool = key == NUMBER ? SMALL : key == TEXT ? ITEMS : new String[]{};
                StringBuilder sb = new StringBuilder("SWITCH(").append(of(key, d, true));
                for (int i = rnd.nextInt(3); i >= 0; i--) {
                    String c = keyPool.length > 0 && chance(50) ? lit(keyPool, key, d, 100) : of(key, d, true);
                    sb.append(", ").append(c).append(", ").append(i == 0 ? result.get() : of(type, d, true));
                }
                if (chance(50)) {
                    sb.append(", ").append(of(type, d, true));
                }
                return use("SWITCH", sb.append(")").toString());
            }
            case 2 -> {
                StringBuilder sb = new StringBuilder("COALESCE(");
                for (int i = rnd.nextInt(3); i > 0; i--) {
                    sb.append(of(type, d, true)).append(", ");
                }
                sb.append(result.get());
                if (chance(40)) {
                    sb.append(", ").append(of(type, d, true));
                }
                return use("COALESCE", sb.append(")").toString());
            }
            default -> {
                return use("CHOOSE", "CHOOSE(" + lit(new String[]{"1", "2", "3", "0", "4", "2.9", "-1"}, NUMBER, d, 80)
                        + ", " + result.get() + (chance(70) ? ", " + args(1 + rnd.nextInt(2), () -> of(type, d, true))
                        : "") + ")");
            }
        }
    }

    private String moreNumbers(int d) {
        String[] parts = {"DAY", "QUARTER", "WEEKDAY", "HOUR", "MINUTE", "SECOND"};
        String[] rounding = {"ROUNDUP", "ROUNDDOWN", "FLOOR", "CEILING"};
        String[] transcendental = {"SQRT", "EXP", "LN", "LOG10"};
        String[] aggregates = {"AVERAGE", "MEDIAN", "PRODUCT"};
        int k = rnd.nextInt(40);
        if (k < 6) {
            return use(parts[k], parts[k] + "(" + of(dateOrTime(), d, true) + ")");
        }
        if (k < 10) {
            String fn = rounding[k - 6];
            return use(fn, fn + "(" + of(NUMBER, d, true) + (chance(60) ? ", "
                    + lit(new String[]{"0", "1", "2", "-1", "-2", "20", "21", "-25", "2.7", "15"}, NUMBER, d, 70)
                    : "") + ")");
        }
        if (k < 14) {
            String fn = transcendental[k - 10];
            String arg = fn.equals("EXP") && chance(60) ? p(of(NUMBER, d, true)) + " / 100" : of(NUMBER, d, true);
            return use(fn, fn + "(" + arg + ")");
        }
        if (k < 17) {
            String fn = aggregates[k - 14];
            return use(fn, fn + "(" + args(1 + rnd.nextInt(5), () -> of(NUMBER, d, true)) + ")");
        }
        switch (k) {
            case 17, 18 -> {
                String fn = k == 17 ? "INT" : "SIGN";
                return use(fn, fn + "(" + of(NUMBER, d, true) + ")");
            }
            case 19, 20 -> {
                String fn = k == 19 ? "MOD" : "QUOTIENT";
                String[] x = pair(NUMBER, NUMBER, d);
                return use(fn, fn + "(" + x[0] + ", " + (chance(40) ? lit(SMALL, NUMBER, d, 100) : x[1]) + ")");
            }
            case 21 -> {
                return use("POWER", "POWER(" + of(NUMBER, d, true) + ", " + lit(EXPONENTS, NUMBER, d, 70) + ")");
            }
            case 22 -> {
                return use("LOG", "LOG(" + of(NUMBER, d, true) + (chance(70) ? ", "
                        + lit(new String[]{"2", "10", "0.5", "1", "0", "-2", "1.0000000000000001", "3"}, NUMBER, d, 70)
                        : "") + ")");
            }
            case 23 -> {
                return use("COUNTTRUE", "COUNTTRUE(" + args(1 + rnd.nextInt(4), () -> of(BOOLEAN, d, true)) + ")");
            }
            case 24, 25 -> {
                return choice(NUMBER, d, () -> number(d));
            }
            case 26 -> {
                return use("FIND", "FIND(" + lit(ITEMS, TEXT, d, 50) + ", " + of(TEXT, d, true) + (chance(50) ? ", "
                        + lit(SMALL, NUMBER, d, 70) : "") + ")");
            }
            case 27 -> {
                return use("VALUE", "VALUE(" + lit(VALUE_TEXTS, TEXT, d, 60) + ")");
            }
            case 28 -> {
                return use("WEEKNUM", "WEEKNUM(" + of(dateOrTime(), d, true) + (chance(60) ? ", "
                        + lit(new String[]{"1", "2", "21", "3", "21.0", "0"}, NUMBER, d, 85) : "") + ")");
            }
            case 29 -> {
                return use("NETWORKDAYS", "NETWORKDAYS(" + of(dateOrTime(), d, true) + ", " + of(dateOrTime(), d, true)
                        + ")");
            }
            case 30 -> {
                return use("DAYSUNTIL", "DAYSUNTIL(" + of(dateOrTime(), d, true) + ")");
            }
            case 31 -> {
                boolean five = rnd.nextBoolean();
                return use("NORMALIZE", "NORMALIZE(" + args(five ? 5 : 3, () -> of(NUMBER, d, true)) + ")");
            }
            case 32 -> {
                return use("CLAMP", "CLAMP(" + args(3, () -> of(NUMBER, d, true)) + ")");
            }
            case 33 -> {
                return use("WEIGHTEDAVG", "WEIGHTEDAVG(" + args(2 * (1 + rnd.nextInt(3)), () -> of(NUMBER, d, true))
                        + ")");
            }
            case 34 -> {
                String bounds = chance(80) ? quote(pick(BOUNDS)) : of(TEXT, d, true);
                String scores = chance(80) ? quote(pick(SCORES)) : of(TEXT, d, true);
                return use("BANDSCORE", "BANDSCORE(" + of(NUMBER, d, true) + ", " + bounds + ", " + scores + ")");
            }
            case 35 -> {
                return use("LEN", "LEN(" + moreTexts(d) + ")");
            }
            case 36 -> {
                return use("DAY", "DAY(" + moreDates(d) + ")");
            }
            default -> {
                return number(d);
            }
        }
    }

    private String moreTexts(int d) {
        int k = rnd.nextInt(22);
        switch (k) {
            case 0, 1 -> {
                String fn = k == 0 ? "LEFT" : "RIGHT";
                return use(fn, fn + "(" + of(TEXT, d, true) + (chance(70) ? ", "
                        + lit(new String[]{"0", "1", "2", "3", "5", "-1", "2.5", "1e9", "1e20"}, NUMBER, d, 75) : "")
                        + ")");
            }
            case 2 -> {
                return use("MID", "MID(" + of(TEXT, d, true) + ", "
                        + lit(new String[]{"1", "2", "0", "-5", "4", "100", "2.5"}, NUMBER, d, 75) + ", "
                        + lit(new String[]{"0", "1", "3", "-1", "1e10", "2.5"}, NUMBER, d, 75) + ")");
            }
            case 3 -> {
                return use("REPLACE", "REPLACE(" + of(TEXT, d, true) + ", " + lit(ITEMS, TEXT, d, 60) + ", "
                        + lit(new String[]{"", "-", "xyz", "😀", "中"}, TEXT, d, 60) + ")");
            }
            case 4 -> {
                return use("REPT", "REPT(" + lit(new String[]{"★", "ab", "", "😀", "-"}, TEXT, d, 50) + ", "
                        + lit(SMALL, NUMBER, d, 85) + ")");
            }
            case 5, 20 -> {
                String fn = k == 5 ? "LPAD" : "RPAD";
                return use(fn, fn + "(" + of(TEXT, d, true) + ", "
                        + lit(new String[]{"5", "10", "0", "-3", "3.7", "1"}, NUMBER, d, 80) + (chance(70) ? ", "
                        + lit(new String[]{"0", "*", "", "ab", "😀", "中文"}, TEXT, d, 80) : "") + ")");
            }
            case 6 -> {
                return use("TEXT", "TEXT(" + of(anyType(), d, true) + ")");
            }
            case 7, 8 -> {
                return use("TEXT", "TEXT(" + of(NUMBER, d, true) + ", " + lit(NUMBER_FORMATS, TEXT, d, 85) + ")");
            }
            case 9, 10 -> {
                return use("TEXT", "TEXT(" + of(dateOrTime(), d, true) + ", " + lit(DATE_FORMATS, TEXT, d, 85) + ")");
            }
            case 11, 21 -> {
                return use("TEXTJOIN", "TEXTJOIN(" + lit(new String[]{",", "、", "", " - "}, TEXT, d, 80) + ", "
                        + args(1 + rnd.nextInt(4), () -> of(anyType(), d, true)) + ")");
            }
            case 12, 13 -> {
                return choice(TEXT, d, () -> text(d));
            }
            default -> {
                return text(d);
            }
        }
    }

    private String moreBools(int d) {
        int k = rnd.nextInt(11);
        switch (k) {
            case 0 -> {
                return use("XOR", "XOR(" + args(1 + rnd.nextInt(3), () -> of(BOOLEAN, d, true)) + ")");
            }
            case 1 -> {
                ValueType t = new ValueType[]{NUMBER, TEXT, DATE, DATETIME}[rnd.nextInt(4)];
                return use("BETWEEN", "BETWEEN(" + args(3, () -> of(t, d, true)) + ")");
            }
            case 2, 10 -> {
                String fn = k == 2 ? "STARTSWITH" : "ENDSWITH";
                return use(fn, fn + "(" + of(TEXT, d, true) + ", " + lit(ITEMS, TEXT, d, 50) + ")");
            }
            case 3, 4 -> {
                ValueType t = new ValueType[]{NUMBER, TEXT, BOOLEAN, DATE, DATETIME}[rnd.nextInt(5)];
                String[] pool = t == NUMBER ? SMALL : t == TEXT ? ITEMS : new String[]{};
                return use("IN", "IN(" + of(t, d, true) + ", " + args(1 + rnd.nextInt(3),
                        () -> pool.length > 0 && chance(50) ? lit(pool, t, d, 100) : of(t, d, true)) + ")");
            }
            case 5, 6 -> {
                String fn = rnd.nextBoolean() ? "ANY" : "ALL";
                return use(fn, fn + "(" + lit(LISTS, TEXT, d, 60) + ", " + args(1 + rnd.nextInt(3),
                        () -> lit(ITEMS, TEXT, d, 70)) + ")");
            }
            case 7 -> {
                return choice(BOOLEAN, d, () -> bool(d));
            }
            default -> {
                return bool(d);
            }
        }
    }

    private String moreDates(int d) {
        switch (rnd.nextInt(9)) {
            case 0 -> {
                return use("DATE", "DATE(" + lit(new String[]{"2024", "2023", "1", "9999", "0", "10000", "2024.9", "-1"},
                        NUMBER, d, 80) + ", " + lit(new String[]{"1", "2", "12", "13", "0", "-1", "25", "120000", "1.5"},
                        NUMBER, d, 80) + ", " + lit(new String[]{"1", "29", "31", "0", "-1", "60", "400", "1e7"},
                        NUMBER, d, 80) + ")");
            }
            case 1 -> {
                return use("DATEVALUE", "DATEVALUE(" + (chance(70) ? lit(DATE_TEXTS, TEXT, d, 80)
                        : of(dateOrTime(), d, true)) + ")");
            }
            case 2, 3 -> {
                return use("DATEADD", "DATEADD(" + date(d) + ", " + lit(SMALL, NUMBER, d, 60) + ", "
                        + lit(ADD_UNITS, TEXT, d, 90) + ")");
            }
            case 4 -> {
                return use("WORKDAY", "WORKDAY(" + of(dateOrTime(), d, true) + ", " + lit(new String[]{"0", "1", "5",
                        "-1", "-7", "13", "2.5", "3000000", "3000001", "-250", "-1e6"}, NUMBER, d, 70) + ")");
            }
            case 5 -> {
                return use("EOMONTH", "EOMONTH(" + of(dateOrTime(), d, true) + (chance(70) ? ", "
                        + lit(new String[]{"0", "1", "-1", "12", "-13", "120000", "0.5", "-24000"}, NUMBER, d, 70)
                        : "") + ")");
            }
            case 6 -> {
                return choice(DATE, d, () -> date(d));
            }
            default -> {
                return date(d);
            }
        }
    }

    private String moreDateTimes(int d) {
        switch (rnd.nextInt(4)) {
            case 0 -> {
                return use("NOW", "NOW()");
            }
            case 1, 2 -> {
                return use("DATEADD", "DATEADD(" + dateTime(d) + ", " + lit(SMALL, NUMBER, d, 60) + ", "
                        + lit(ADD_UNITS, TEXT, d, 90) + ")");
            }
            default -> {
                return choice(DATETIME, d, () -> dateTime(d));
            }
        }
    }
}
