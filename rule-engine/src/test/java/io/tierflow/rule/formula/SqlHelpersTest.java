package io.tierflow.rule.formula;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tierflow.rule.function.BuiltinFunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SQL helpers against Java, exhaustively where the random test would only sample: which code points the two
 * trims remove, which units DATEDIF accepts, upper and lower case of every character, BAND's bound syntax, the text
 * limit and the migration's re-runnability.
 */
class SqlHelpersTest {
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

    private static Set<Integer> codePoints(String where) throws SQLException {
        return codePoints(0x10FFFF, where);
    }

    private static Set<Integer> codePoints(int last, String where) throws SQLException {
        Set<Integer> out = new TreeSet<>();
        try (Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT c FROM generate_series(1, " + last + ") c "
                     + "WHERE c NOT BETWEEN 55296 AND 57343 AND " + where)) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    private static Set<Integer> javaCodePoints(java.util.function.IntPredicate p) {
        return javaCodePoints(0x10FFFF, p);
    }

    private static Set<Integer> javaCodePoints(int last, java.util.function.IntPredicate p) {
        Set<Integer> out = new TreeSet<>();
        for (int c = 1; c <= last; c++) {
            if ((c < 0xD800 || c > 0xDFFF) && p.test(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static String str(int cp) {
        return new String(Character.toChars(cp));
    }

    @Test
    void stripRemovesExactlyJavasWhitespace() throws SQLException {
        assertEquals(javaCodePoints(c -> str(c).strip().isEmpty()), codePoints("tf_strip(chr(c)) = ''"));
        assertEquals(javaCodePoints(c -> str(c).isBlank()), codePoints("tf_is_blank(chr(c))"));
        assertEquals(javaCodePoints(c -> str(c).trim().isEmpty()), codePoints("tf_jtrim(chr(c)) = ''"));
    }

    /** Single characters that are a unit (planes 0 and 1: no character beyond has a case mapping to D, M or Y). */
    @Test
    void datedifAcceptsTheSameUnitCharacters() throws SQLException {
        Set<String> units = Set.of("D", "M", "Y");
        assertEquals(javaCodePoints(0x1FFFF, c -> units.contains(str(c).trim().toUpperCase(Locale.ROOT))),
                codePoints(0x1FFFF, "tf_datedif(DATE '2024-01-01', DATE '2024-03-01', chr(c)) IS NOT NULL"));
    }

    /**
     * UPPER and LOWER of every character Java 17 knows (Unicode 13) against ICU in PostgreSQL; characters added to
     * Unicode later are outside Java's tables and may map in PostgreSQL only (documented, not tested).
     */
    @Test
    void caseMappingMatchesForEveryCharacterJavaKnows() throws SQLException {
        List<String> diffs = new ArrayList<>();
        try (Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT c, tf_upper(chr(c)), tf_lower(chr(c)) "
                     + "FROM generate_series(1, 1114111) c WHERE c NOT BETWEEN 55296 AND 57343 "
                     + "AND (tf_upper(chr(c)) <> chr(c) OR tf_lower(chr(c)) <> chr(c))")) {
            Map<Integer, String[]> pg = new HashMap<>();
            while (rs.next()) {
                pg.put(rs.getInt(1), new String[]{rs.getString(2), rs.getString(3)});
            }
            for (int c = 1; c <= 0x10FFFF; c++) {
                if (c >= 0xD800 && c <= 0xDFFF || !Character.isDefined(c)) {
                    continue;
                }
                String x = str(c);
                String[] p = pg.getOrDefault(c, new String[]{x, x});
                if (!x.toUpperCase(Locale.ROOT).equals(p[0]) || !x.toLowerCase(Locale.ROOT).equals(p[1])) {
                    diffs.add(String.format("U+%04X java %s/%s pg %s/%s", c, x.toUpperCase(Locale.ROOT),
                            x.toLowerCase(Locale.ROOT), p[0], p[1]));
                }
            }
        }
        assertEquals(List.of(), diffs);
    }

    @Test
    void bandBoundsParseAlike() throws SQLException {
        String[] bounds = {"1", " 1 ", "\t-2.5\n", "+.5", "5.", ".", "+", "-", "", "e5", "1e", "1e+", "1E-0999",
                "1e9999",
                "1e10000", "0e9999", "0e12345", "-0", "0.000", "1.2.3", "1,5", "٣", "１", "0x10", "1_000", "NaN",
                "Infinity", "1" + "0".repeat(39), "1" + "0".repeat(40), "9.999999999999999e999", "1e1000", "1e-999",
                "1e-1000", "-1e-1000", "00012.50", "1e+0010"};
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT tf_band_bound(?)")) {
            for (String b : bounds) {
                ps.setString(1, b);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    BigDecimal sql = rs.getBigDecimal(1);
                    BigDecimal java = io.tierflow.rule.function.BandFunction.bound(b);
                    assertTrue(java == null ? sql == null : sql != null && java.compareTo(sql) == 0,
                            "'" + b + "': java " + java + ", sql " + sql);
                }
            }
        }
    }

    private Object sqlOf(CompiledFormula f, Map<Long, Object> values) throws SQLException {
        StringBuilder select = new StringBuilder("SELECT ");
        SqlExpression e = f.sql(c -> "v.f" + c.fieldId());
        select.append(e.sql()).append(" FROM (SELECT ");
        List<Object> params = new ArrayList<>();
        boolean first = true;
        for (FieldRef field : f.fields()) {
            select.append(first ? "" : ", ").append("CAST(? AS ").append(SqlArgs.sqlType(field.type()))
                    .append(") AS f").append(field.fieldId());
            params.add(values.get(field.fieldId()));
            first = false;
        }
        select.append(") v");
        try (PreparedStatement ps = db.connection().prepareStatement(select.toString())) {
            int k = 1;
            for (Object p : e.params()) {
                ps.setObject(k++, p);
            }
            for (Object p : params) {
                ps.setObject(k++, p);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        }
    }

    @Test
    void overlongTextFailsInBothBackEndsAtTheSameLength() throws SQLException {
        FormulaCompiler compiler = TestScopes.compiler();
        CompiledFormula f = compiler.compile("name + \"x\"", TestScopes.SCOPE);
        // 4999 emoji and one BMP character: 9999 UTF-16 units, + "x" = 10000 → allowed
        String ok = "😀".repeat(4999) + "a";
        assertEquals(ok + "x", f.evaluate(Map.of(TestScopes.NAME.fieldId(), ok)));
        assertEquals(ok + "x", sqlOf(f, Map.of(TestScopes.NAME.fieldId(), ok)));
        String over = "😀".repeat(5000);
        assertThrows(FormulaEvaluationException.class, () -> f.evaluate(Map.of(TestScopes.NAME.fieldId(), over)));
        SQLException e = assertThrows(SQLException.class, () -> sqlOf(f, Map.of(TestScopes.NAME.fieldId(), over)));
        assertEquals("22001", e.getSQLState());
        assertTrue(e.getMessage().contains("formula.eval.text-too-long"), e.getMessage());
        CompiledFormula upper = compiler.compile("UPPER(name)", TestScopes.SCOPE);
        String sharpS = "ß".repeat(5001);  // 5001 characters, 10002 once upper-cased
        assertThrows(FormulaEvaluationException.class, () -> upper.evaluate(Map.of(TestScopes.NAME.fieldId(), sharpS)));
        assertEquals("22001", assertThrows(SQLException.class,
                () -> sqlOf(upper, Map.of(TestScopes.NAME.fieldId(), sharpS))).getSQLState());
    }

    @Test
    void hostileTextRoundTripsAsData() throws SQLException {
        FormulaCompiler compiler = TestScopes.compiler();
        for (HostileCorpus.Row row : HostileCorpus.rows()) {
            CompiledFormula f;
            try {
                f = compiler.compile("name + " + RandomFormulas.quote(row.formula()), TestScopes.SCOPE);
            } catch (FormulaException e) {
                continue;
            }
            assertEquals("<" + row.formula(), sqlOf(f, Map.of(TestScopes.NAME.fieldId(), "<")), row.toString());
        }
    }

    @Test
    void todayFollowsTheContextInBothBackEnds() throws SQLException {
        // 2024-12-31T16:30Z is already 2025-01-01 in Shanghai and still 2024-12-31 in New York
        Instant now = Instant.parse("2024-12-31T16:30:00Z");
        CompiledFormula f = new FormulaCompiler(BuiltinFunctions.registry(Clock.fixed(now, ZoneId.of("Asia/Shanghai"))))
                .compile("YEAR(TODAY()) * 10000 + MONTH(signedAt) * 100 + DAYSSINCE(signedAt)", TestScopes.SCOPE);
        Map<Long, Object> v = Map.of(TestScopes.SIGNED_AT.fieldId(),
                java.time.OffsetDateTime.parse("2024-11-30T20:00:00Z"));
        assertEquals(0, new BigDecimal("20251231").compareTo((BigDecimal) f.evaluate(v)));
        assertEquals(0, new BigDecimal("20251231").compareTo((BigDecimal) sqlOf(f, v)));
        FormulaContext ny = FormulaContext.of(Clock.fixed(now, ZoneId.of("America/New_York")));
        assertEquals(0, new BigDecimal("20241131").compareTo((BigDecimal) f.evaluate(v, ny)));
    }

    /** LOWER is per character: Σ always becomes σ, whatever surrounds it (Java and ICU place ς differently). */
    @Test
    void lowerHasNoFinalSigmaInEitherBackEnd() throws SQLException {
        CompiledFormula f = TestScopes.compiler().compile("LOWER(name)", TestScopes.SCOPE);
        for (String[] c : new String[][]{{"ΟΔΟΣ", "οδοσ"}, {"ǅΣ9", "ǆσ9"}, {"IǄ90Σ", "iǆ90σ"}, {"ς", "ς"}}) {
            Map<Long, Object> v = Map.of(TestScopes.NAME.fieldId(), c[0]);
            assertEquals(c[1], f.evaluate(v));
            assertEquals(c[1], sqlOf(f, v));
        }
    }

    /** Flyway (as the application runs it, location db/rule) parses and applies the file; into a scratch schema. */
    @Test
    void flywayAppliesTheMigration() throws SQLException {
        io.tierflow.core.config.DatabaseUrl url = TestDatabase.url();
        String schema = db.schema() + "_fw";
        try {
            org.flywaydb.core.api.output.MigrateResult r = org.flywaydb.core.Flyway.configure()
                    .dataSource(url.jdbcUrl(), url.user(), url.password()).schemas(schema).createSchemas(true)
                    .locations("classpath:db/rule").load().migrate();
            assertEquals(TestDatabase.MIGRATIONS.size(), r.migrationsExecuted);
            try (Statement s = db.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT " + schema + ".tf_text_num(" + schema + ".tf_div(1, 3))")) {
                rs.next();
                assertEquals("0.3333333333333333", rs.getString(1));
            }
        } finally {
            try (Statement s = db.connection().createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void migrationCanRunAgain() throws SQLException {
        try (Statement s = db.connection().createStatement()) {
            s.execute(TestDatabase.migration());
            try (ResultSet rs = s.executeQuery("SELECT tf_num(1.00000000000000050), tf_band(NULL, '1', 'a,b')")) {
                rs.next();
                assertEquals(0, BigDecimal.ONE.compareTo(rs.getBigDecimal(1)));
                assertNull(rs.getString(2));
            }
        }
    }
}
