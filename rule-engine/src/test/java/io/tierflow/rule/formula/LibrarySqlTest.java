package io.tierflow.rule.formula;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tierflow.rule.function.BuiltinFunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library's SQL helpers against Java where random formulas only sample: logarithms, exponentials, roots and
 * powers on thousands of inputs (exact results, ties, the range ends), DATEADD's units for every character, calendar
 * months across DST gaps and overlaps, and the unit text of a hostile DATEADD as a mere parameter.
 */
class LibrarySqlTest {
    private static final FieldRef A = new FieldRef("a", 1, ValueType.NUMBER);
    private static final FieldRef B = new FieldRef("b", 2, ValueType.NUMBER);
    private static final FieldRef T = new FieldRef("t", 3, ValueType.DATETIME);
    private static final FieldRef CREATED = new FieldRef("created", 4, ValueType.DATE);
    private static final FormulaScope SCOPE = FormulaScope.of(List.of(A, B, T, CREATED));
    private static TestDatabase db;

    @BeforeAll
    static void setUp() throws SQLException {
        db = TestDatabase.open();
    }

    @AfterAll
    static void tearDown() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    /** Evaluates the formula for each row of values in both back ends; returns the differences. */
    private static List<String> compare(CompiledFormula f, List<Map<Long, Object>> rows, FormulaContext cx)
            throws SQLException {
        try (Statement s = db.connection().createStatement()) {
            s.execute("DROP TABLE IF EXISTS lib_rows");
            s.execute("CREATE TEMP TABLE lib_rows (id integer, f_1 numeric, f_2 numeric, f_3 timestamptz, f_4 date)");
        }
        try (PreparedStatement ps = db.connection().prepareStatement("INSERT INTO lib_rows VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rows.size(); i++) {
                ps.setInt(1, i);
                ps.setObject(2, rows.get(i).get(1L));
                ps.setObject(3, rows.get(i).get(2L));
                Object t = rows.get(i).get(3L);
                ps.setObject(4, t instanceof Instant x ? x.atOffset(java.time.ZoneOffset.UTC) : t);
                ps.setObject(5, rows.get(i).get(4L));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        SqlExpression e = f.sql(c -> "r.f_" + c.fieldId(), cx);
        List<String> diffs = new ArrayList<>();
        try (PreparedStatement ps = db.connection().prepareStatement(
                "SELECT id, " + e.sql() + " FROM lib_rows r ORDER BY id")) {
            for (int i = 0; i < e.params().size(); i++) {
                ps.setObject(i + 1, e.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int i = rs.getInt(1);
                    Object mvel = f.evaluate(rows.get(i), cx);
                    Object sql = f.type() == ValueType.DATETIME ? rs.getObject(2, OffsetDateTime.class)
                            : f.type() == ValueType.DATE ? rs.getObject(2, java.time.LocalDate.class) : rs.getObject(2);
                    boolean same = mvel == null || sql == null ? mvel == sql
                            : mvel instanceof BigDecimal m ? m.compareTo((BigDecimal) sql) == 0
                            : mvel instanceof OffsetDateTime m ? m.toInstant().equals(((OffsetDateTime) sql).toInstant())
                            : mvel.equals(sql);
                    if (!same && diffs.size() < 10) {
                        diffs.add(f.text() + " " + rows.get(i) + ": MVEL " + mvel + ", SQL " + sql);
                    }
                }
            }
        }
        return diffs;
    }

    private static BigDecimal random(Random rnd) {
        BigDecimal v = new BigDecimal(new BigInteger(1 + rnd.nextInt(53), rnd), rnd.nextInt(40) - 20);
        if (rnd.nextInt(4) == 0) {
            v = v.scaleByPowerOfTen(rnd.nextInt(1900) - 950);
        }
        return (rnd.nextBoolean() ? v : v.negate()).round(FormulaValues.MC);
    }

    /** Inputs with exact results and ties as well as random ones. */
    private static List<BigDecimal> inputs() {
        List<BigDecimal> xs = new ArrayList<>();
        for (String s : new String[]{"0", "1", "-1", "2", "4", "10", "100", "1000", "0.001", "1e-999", "1e999",
                "9.999999999999999e999", "2.25", "46416548025", "1.000000000000001", "0.9999999999999999", "1024",
                "0.5", "3", "1e15", "1e-15", "2.718281828459045", "-8", "-27", "1.5", "-0.5", "2302.585092994046",
                "-2302.585092994046", "2300", "-2300", "2400", "-2400", "2401", "0.3333333333333333"}) {
            xs.add(new BigDecimal(s));
        }
        for (int k = 1; k < 60; k++) {
            xs.add(BigDecimal.valueOf(k * (long) k));
            xs.add(BigDecimal.valueOf(2).pow(k).round(FormulaValues.MC));
        }
        Random rnd = new Random(4);
        for (int i = 0; i < 600; i++) {
            xs.add(random(rnd));
        }
        return xs;
    }

    @Test
    void logarithmsRootsAndExponentialsAgreeOnManyInputs() throws SQLException {
        FormulaCompiler compiler = new FormulaCompiler(BuiltinFunctions.registry());
        List<Map<Long, Object>> rows = new ArrayList<>();
        for (BigDecimal x : inputs()) {
            rows.add(Map.of(1L, x));
            rows.add(Map.of(1L, x.abs().compareTo(BigDecimal.valueOf(3000)) > 0 ? x.movePointLeft(996) : x));
        }
        List<String> diffs = new ArrayList<>();
        for (String formula : new String[]{"SQRT(a)", "LN(a)", "LOG10(a)", "EXP(a)", "EXP(a / 1000)"}) {
            diffs.addAll(compare(compiler.compile(formula, SCOPE), rows, FormulaContext.system()));
        }
        assertEquals(List.of(), diffs);
    }

    @Test
    void powersAndLogarithmsToABaseAgreeOnManyPairs() throws SQLException {
        FormulaCompiler compiler = new FormulaCompiler(BuiltinFunctions.registry());
        List<BigDecimal> xs = inputs();
        String[] exponents = {"0", "1", "2", "3", "-1", "-2", "0.5", "1.5", "-0.5", "10", "0.25", "1e3", "3.5",
                "0.3333333333333333", "1e-15", "-1e3", "2400", "7"};
        Random rnd = new Random(5);
        List<Map<Long, Object>> rows = new ArrayList<>();
        for (BigDecimal x : xs) {
            rows.add(Map.of(1L, x, 2L, new BigDecimal(exponents[rnd.nextInt(exponents.length)])));
            rows.add(Map.of(1L, x, 2L, xs.get(rnd.nextInt(xs.size()))));
        }
        rows.add(Map.of(1L, new BigDecimal("46416548025"), 2L, new BigDecimal("1.5")));  // a tie at digit 17
        List<String> diffs = new ArrayList<>();
        for (String formula : new String[]{"POWER(a, b)", "LOG(a, b)", "LOG(b, a)"}) {
            diffs.addAll(compare(compiler.compile(formula, SCOPE), rows, FormulaContext.system()));
        }
        assertEquals(List.of(), diffs);
    }

    /** The units DATEADD accepts, for every character of planes 0 and 1, alone and after "m" (e.g. "mı"). */
    @Test
    void dateAddReadsTheSameUnits() throws SQLException {
        Set<String> units = Set.of("y", "q", "m", "w", "d", "h", "mi", "s");
        for (String prefix : new String[]{"", "m", " M"}) {
            Set<Integer> java = new TreeSet<>();
            for (int c = 1; c <= 0x1FFFF; c++) {
                if (c >= 0xD800 && c <= 0xDFFF) {
                    continue;
                }
                String u = (prefix + new String(Character.toChars(c))).trim();
                StringBuilder lower = new StringBuilder();
                u.chars().forEach(ch -> lower.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : (char) ch));
                if (units.contains(lower.toString())) {
                    java.add(c);
                }
            }
            Set<Integer> sql = new TreeSet<>();
            try (PreparedStatement ps = db.connection().prepareStatement("SELECT c FROM generate_series(1, 131071) c "
                    + "WHERE c NOT BETWEEN 55296 AND 57343 AND tf_date_unit(? || chr(c)) IS NOT NULL")) {
                ps.setString(1, prefix);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sql.add(rs.getInt(1));
                    }
                }
            }
            assertEquals(java, sql, "prefix '" + prefix + "'");
        }
    }

    /** Calendar months on date-times land in DST gaps and overlaps the same way (gap: forward; overlap: later). */
    @Test
    void calendarArithmeticOnDateTimesAgreesAcrossDst() throws SQLException {
        String[][] cases = {
                {"America/New_York", "2024-02-10T02:30", "2024-10-03T01:30", "2024-11-03T01:59:59.999999"},
                {"Europe/Berlin", "2024-02-29T02:30", "2024-09-27T02:30", "2023-10-29T02:00"},
                {"Australia/Lord_Howe", "2024-09-06T02:15", "2024-03-07T01:45", "2024-04-07T01:30"},
                {"Asia/Shanghai", "1991-03-14T02:30", "1991-08-15T00:30", "2024-01-31T12:00"}};
        FormulaCompiler compiler = new FormulaCompiler(BuiltinFunctions.registry());
        List<String> diffs = new ArrayList<>();
        for (String[] c : cases) {
            ZoneId zone = ZoneId.of(c[0]);
            FormulaContext cx = FormulaContext.of(Clock.fixed(Instant.parse("2024-06-15T10:00:00Z"), zone));
            List<Map<Long, Object>> rows = new ArrayList<>();
            for (int i = 1; i < c.length; i++) {
                Instant t = LocalDateTime.parse(c[i]).atZone(zone).toInstant();
                for (int months = -13; months <= 13; months++) {
                    rows.add(Map.of(1L, BigDecimal.valueOf(months), 3L, t));
                }
            }
            for (String unit : new String[]{"M", "Q", "Y", "D", "H"}) {
                diffs.addAll(compare(compiler.compile("DATEADD(t, a, \"" + unit + "\")", SCOPE), rows, cx));
            }
            diffs.addAll(compare(compiler.compile("TEXT(DATEADD(t, a, \"M\"), \"yyyy-MM-dd HH:mm:ss\")", SCOPE), rows,
                    cx));
        }
        assertEquals(List.of(), diffs);
    }

    /**
     * A text over the limit in a branch that is not taken is not computed in either back end, although its arguments
     * are constants the planner could fold (the helpers that can build one are VOLATILE for this reason).
     */
    @Test
    void anOverlongTextInABranchNotTakenIsNeverComputed() throws SQLException {
        FormulaCompiler compiler = new FormulaCompiler(BuiltinFunctions.registry());
        List<Map<Long, Object>> rows = List.of(Map.of(1L, BigDecimal.ONE.negate()), Map.of(1L, BigDecimal.ONE.negate()));
        for (String overlong : new String[]{"REPT(\"x\", 20000)", "LPAD(\"x\", 20000, \"y\")",
                "RPAD(\"x\", 20000)", "REPLACE(REPT(\"i\", 5000), \"i\", \"xyz\")"}) {
            CompiledFormula f = compiler.compile("a > 0 ? " + overlong + " : \"ok\"", SCOPE);
            for (int run = 0; run < 3; run++) {  // plain JDBC: the first runs are planned with the values (custom plans)
                assertEquals(List.of(), compare(f, rows, FormulaContext.system()), overlong);
            }
            assertEquals("ok", f.evaluate(rows.get(0)));
        }
    }

    /** The hostile corpus' X11 compiles once the scope has a date "created": its unit is a parameter and unknown. */
    @Test
    void aHostileUnitIsOnlyAParameter() throws SQLException {
        String unit = "day'); DROP TABLE rec_1; --";
        CompiledFormula f = new FormulaCompiler(BuiltinFunctions.registry())
                .compile("DATEADD(created, 1, " + RandomFormulas.quote(unit) + ")", SCOPE);
        SqlExpression e = f.sql(c -> "r.f_" + c.fieldId());
        assertEquals("tf_dateadd(tf_date_in(r.f_4), CAST(? AS numeric), CAST(? AS text))", e.sql());
        assertEquals(List.of(BigDecimal.ONE, unit), e.params());
        assertEquals(List.of(), compare(f, List.of(Map.of(4L, java.time.LocalDate.of(2024, 1, 1))),
                FormulaContext.system()));
        assertTrue(f.mvelSource().toLowerCase(Locale.ROOT).indexOf("drop") < 0, f.mvelSource());
    }
}
