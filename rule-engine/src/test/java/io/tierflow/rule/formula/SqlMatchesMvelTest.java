package io.tierflow.rule.formula;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tierflow.rule.function.BuiltinFunctions;
import io.tierflow.rule.tier.CompiledTierModel;
import io.tierflow.rule.tier.TierModel;
import io.tierflow.rule.tier.TierModelCompiler;
import io.tierflow.rule.tier.TierRule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The differential test of the two back ends (issue #4): thousands of random well-typed formulas
 * ({@link RandomFormulas}) over random records ({@link RandomRecords}) in a TEMP table; each formula is evaluated by
 * the generated MVEL for every record and by PostgreSQL as {@code SELECT <sql> FROM rec}, in a random
 * {@link FormulaContext} (zones with and without DST, fixed offsets, clocks on DST and year-end days). Results must
 * be equal: numbers by value, texts, booleans and dates exactly, date-times by instant (and MVEL's at the zone's
 * offset). Seeded, so a failure reproduces; it prints the formula, SQL, record and both results.
 */
class SqlMatchesMvelTest {
    /** Override for longer runs: -Dtierflow.sqltest.seed=… -Dtierflow.sqltest.formulas=… */
    private static final long SEED = Long.getLong("tierflow.sqltest.seed", 20260415L);
    private static final int FORMULAS = Integer.getInteger("tierflow.sqltest.formulas", 6000);
    private static final int RECORDS = 40;
    private static final ZoneId[] ZONES = {ZoneOffset.UTC, ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"),
            ZoneId.of("Europe/Berlin"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"),
            ZoneOffset.ofHoursMinutes(5, 45), ZoneOffset.ofHoursMinutes(-3, -30), ZoneId.of("Etc/GMT+8")};
    private static final Instant[] NOWS = {Instant.parse("2024-06-15T10:00:00Z"),
            Instant.parse("2024-03-10T06:30:00Z"), Instant.parse("2024-12-31T16:30:00Z"),
            Instant.parse("2024-01-01T00:00:00Z")};

    private static TestDatabase db;
    private static List<Map<Long, Object>> records;

    @BeforeAll
    static void setUp() throws SQLException {
        db = TestDatabase.open();
        records = new RandomRecords(new Random(SEED)).make(RECORDS);
        RandomRecords.insert(db.connection(), records);
    }

    @AfterAll
    static void tearDown() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void randomFormulasGiveTheSameResultsInMvelAndSql() throws SQLException {
        Random rnd = new Random(SEED + 1);
        RandomFormulas gen = new RandomFormulas(rnd);
        FormulaCompiler compiler = new FormulaCompiler(BuiltinFunctions.registry(Clock.fixed(NOWS[0], ZoneOffset.UTC)));
        List<String> failures = new ArrayList<>();
        Map<ValueType, Integer> byType = new TreeMap<>();
        int compileErrors = 0;
        int tooLong = 0;
        int compared = 0;
        int nonNull = 0;
        for (int i = 0; i < FORMULAS && failures.size() < 10; i++) {
            ValueType type = new ValueType[]{ValueType.NUMBER, ValueType.TEXT, ValueType.BOOLEAN, ValueType.DATE,
                    ValueType.DATETIME}[rnd.nextInt(5)];
            String text = gen.of(type, 1 + rnd.nextInt(4), rnd.nextInt(20) == 0);
            FormulaContext cx = FormulaContext.of(Clock.fixed(NOWS[rnd.nextInt(NOWS.length)],
                    ZONES[rnd.nextInt(ZONES.length)]));
            CompiledFormula f;
            try {
                f = compiler.compile(text, RandomFormulas.SCOPE);
            } catch (FormulaException e) {
                compileErrors++;
                if (compileErrors <= 3) {
                    System.out.println("does not compile: " + text + " → " + e.getMessage());
                }
                continue;
            }
            List<Object> expected = new ArrayList<>();
            try {
                for (Map<Long, Object> r : records) {
                    expected.add(f.evaluate(r, cx));
                }
            } catch (FormulaEvaluationException e) {
                if (!e.code().equals("formula.eval.text-too-long")) {
                    failures.add("MVEL failed: " + text + " → " + e.getMessage());
                }
                tooLong++;
                continue;
            }
            byType.merge(f.type(), 1, Integer::sum);
            SqlExpression sql = f.sql(c -> "r.f_" + c.fieldId(), cx);
            List<Object> actual;
            try {
                actual = query(sql, f.type());
            } catch (SQLException e) {
                failures.add("SQL failed: " + text + "\n  zone " + cx.zone() + "\n  SQL " + sql + "\n  "
                        + e.getMessage());
                continue;
            }
            for (int r = 0; r < records.size(); r++) {
                nonNull += expected.get(r) == null ? 0 : 1;
                compared++;
                String why = differs(expected.get(r), actual.get(r), f.type(), cx);
                if (why != null) {
                    failures.add(why + "\n  formula " + text + "\n  zone " + cx.zone() + ", now " + cx.clock().instant()
                            + "\n  record " + r + " " + inputs(f, records.get(r))
                            + "\n  MVEL " + show(expected.get(r)) + "\n  SQL  " + show(actual.get(r))
                            + "\n  sql  " + sql);
                    break;
                }
            }
        }
        System.out.printf("SqlMatchesMvelTest: %d formulas by type %s, %d values compared (%d not null), "
                + "%d not compiled, %d over the text limit%n", byType.values().stream().mapToInt(x -> x).sum(), byType,
                compared, nonNull, compileErrors, tooLong);
        if (!failures.isEmpty()) {
            fail(failures.size() + " differences (first ones):\n" + String.join("\n\n", failures));
        }
        assertTrue(compileErrors < FORMULAS / 100, "too many formulas did not compile: " + compileErrors);
        assertCoverage(gen.uses(), compiler.registry());
    }

    /** Tier models (first true condition wins, null counts as false) pick the same tier per record in SQL. */
    @Test
    void randomTierModelsPickTheSameTier() throws SQLException {
        Random rnd = new Random(SEED + 2);
        RandomFormulas gen = new RandomFormulas(rnd);
        String[] names = {"A", "B", "C", "顶层战略", "中层核心", "基础潜力", "'; --"};
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < FORMULAS / 10 && failures.isEmpty(); i++) {
            Clock clock = Clock.fixed(NOWS[rnd.nextInt(NOWS.length)], ZONES[rnd.nextInt(ZONES.length)]);
            TierModelCompiler tiers = new TierModelCompiler(new FormulaCompiler(BuiltinFunctions.registry(clock)));
            List<TierRule> rules = new ArrayList<>();
            for (int r = rnd.nextInt(5); r >= 0; r--) {
                rules.add(new TierRule(names[rnd.nextInt(names.length)], gen.bool(1 + rnd.nextInt(3))));
            }
            CompiledTierModel model = tiers.compile(new TierModel(rules), RandomFormulas.SCOPE);
            SqlExpression sql = model.sql(c -> "r.f_" + c.fieldId());
            List<Object> actual;
            try {
                actual = query(sql, ValueType.TEXT);
            } catch (SQLException e) {
                // a text over the limit (REPT, REPLACE…): MVEL must refuse it for some record too
                assertEquals("22001", e.getSQLState(), e.getMessage());
                assertTrue(records.stream().anyMatch(r -> tooLong(model, r)), "only SQL refused: " + rules);
                continue;
            }
            for (int r = 0; r < records.size(); r++) {
                if (tooLong(model, records.get(r))) {
                    continue;  // MVEL computes every operand of && and ||, SQL may skip the rest (CompiledFormula#sql)
                }
                String expected = model.evaluate(records.get(r)).tier();
                if (!Objects.equals(expected, actual.get(r))) {
                    failures.add("record " + r + ": MVEL " + expected + ", SQL " + actual.get(r) + "\n  rules " + rules
                            + "\n  sql " + sql);
                    break;
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static boolean tooLong(CompiledTierModel model, Map<Long, Object> record) {
        try {
            model.evaluate(record);
            return false;
        } catch (FormulaEvaluationException e) {
            return e.code().equals("formula.eval.text-too-long");
        }
    }

    private static void assertCoverage(Map<String, Integer> uses, FunctionRegistry registry) {
        List<String> rare = new ArrayList<>();
        for (FormulaFunction fn : registry.all()) {
            if (uses.getOrDefault(fn.name(), 0) < 30) {
                rare.add(fn.name() + "=" + uses.getOrDefault(fn.name(), 0));
            }
        }
        for (String op : Set.of("+", "-", "*", "/", "%", "neg", "+text", "==", "!=", "<", "<=", ">", ">=", "&&", "||",
                "!", "?:", "null", "date+n", "date-n", "date-date", "datetime+n", "datetime-n", "datetime-datetime")) {
            if (uses.getOrDefault(op, 0) < 30) {
                rare.add(op + "=" + uses.getOrDefault(op, 0));
            }
        }
        assertTrue(rare.isEmpty(), "rarely generated: " + rare + " of " + uses);
    }

    private static List<Object> query(SqlExpression sql, ValueType type) throws SQLException {
        return query(db.connection(), sql, type);
    }

    /** The expression's value for every row of {@code rec r}, by id. */
    static List<Object> query(java.sql.Connection c, SqlExpression sql, ValueType type) throws SQLException {
        List<Object> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, " + sql.sql() + " FROM rec r ORDER BY id")) {
            for (int i = 0; i < sql.params().size(); i++) {
                ps.setObject(i + 1, sql.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(switch (type) {
                        case NUMBER -> rs.getBigDecimal(2);
                        case TEXT -> rs.getString(2);
                        case DATE -> rs.getObject(2, LocalDate.class);
                        case DATETIME -> rs.getObject(2, OffsetDateTime.class);
                        case BOOLEAN, NULL -> rs.getObject(2);
                    });
                }
            }
        }
        return out;
    }

    static String differs(Object mvel, Object sql, ValueType type, FormulaContext cx) {
        if (mvel == null || sql == null) {
            return mvel == sql ? null : "null on one side only";
        }
        return switch (type) {
            case NUMBER -> ((BigDecimal) mvel).compareTo((BigDecimal) sql) == 0 ? null : "numbers differ";
            case DATETIME -> {
                OffsetDateTime m = (OffsetDateTime) mvel;
                if (!m.toInstant().equals(((OffsetDateTime) sql).toInstant())) {
                    yield "instants differ";
                }
                yield m.getOffset().equals(cx.zone().getRules().getOffset(m.toInstant())) ? null
                        : "MVEL's date-time is not at the zone's offset";
            }
            default -> Objects.equals(mvel, sql) ? null : "values differ";
        };
    }

    private static String inputs(CompiledFormula f, Map<Long, Object> record) {
        StringBuilder sb = new StringBuilder("{");
        for (FieldRef field : f.fields()) {
            sb.append(sb.length() > 1 ? ", " : "").append(field.key()).append('=')
                    .append(show(record.get(field.fieldId())));
        }
        return sb.append('}').toString();
    }

    static String show(Object v) {
        if (v instanceof String s) {
            StringBuilder sb = new StringBuilder("\"");
            s.codePoints().forEach(cp -> sb.append(cp < 0x20 || cp >= 0x7f && cp < 0xa0 || Character.getType(cp)
                    == Character.FORMAT ? String.format("\\u%04X", cp) : new String(Character.toChars(cp))));
            return sb.append('"').toString();
        }
        return v instanceof BigDecimal b ? b.toPlainString() : String.valueOf(v);
    }
}
