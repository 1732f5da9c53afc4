package io.tierflow.rule.formula;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random records for {@link RandomFormulas#FIELDS}, as Java values and as rows of a TEMP table {@code rec}
 * (columns {@code f_<fieldId>} of the SQL types the form engine uses). Values sit on the edges: numbers with more
 * than 16 digits (rounded on input), exact ties, overflow and underflow, dates around DST changes, year ends, leap
 * days and the range limits (also beyond them), date-times with microseconds given at various offsets, texts with
 * CJK, emoji (also ZWJ sequences), combining marks, full-width and private-use characters and all kinds of spaces.
 */
public final class RandomRecords {
    private static final String[] NUMBERS = {"0", "1", "-1", "0.5", "-0.5", "2.5", "-2.5", "0.125", "1.005",
            "123.456", "-987654.321", "9999999999999999", "1234567890123456.7", "12345678901234567.89",
            "1.00000000000000050", "1.0000000000000015", "-1.0000000000000025", "2.675", "1e20", "1e-20", "1e999",
            "-9.999999999999999e999", "1e1000", "1e-999", "1e-1000", "3652059", "86400", "1e9", "0.0000000000000001",
            "100", "20", "-20", "20.5", "-3.7", "0.1", "0.2", "0.3", "99999999999999995", "0.000"};
    private static final LocalDate[] DATES = {LocalDate.of(2024, 3, 10), LocalDate.of(2024, 3, 9),
            LocalDate.of(2024, 3, 31), LocalDate.of(2024, 10, 27), LocalDate.of(2024, 11, 3),
            LocalDate.of(2023, 12, 31), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 29), LocalDate.of(2023, 2, 28),
            LocalDate.of(2024, 1, 31), LocalDate.of(2024, 6, 15), LocalDate.of(2024, 6, 16), LocalDate.of(1900, 1, 1),
            LocalDate.of(1970, 1, 1), LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(10000, 1, 1),
            LocalDate.of(2000, 2, 29), LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 1)};
    private static final String[] INSTANTS = {"2024-03-10T06:59:59.999999Z", "2024-03-10T07:00:00Z",
            "2024-11-03T05:30:00Z", "2024-11-03T06:00:00.5Z", "2024-03-31T00:59:59Z", "2024-03-31T01:00:00Z",
            "2024-10-27T01:00:00.000001Z", "2024-12-31T15:59:59.999999Z", "2024-12-31T16:00:00Z",
            "2023-12-31T23:59:59.999999Z", "2024-01-01T00:00:00Z", "2024-06-15T10:00:00Z", "1900-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z", "0001-01-02T00:00:00Z", "0001-01-01T12:00:00Z", "9999-12-30T23:59:59.999999Z",
            "9999-12-31T00:00:00Z", "2024-02-29T12:34:56.789Z", "2024-04-06T15:30:00Z"};
    private static final ZoneOffset[] OFFSETS = {ZoneOffset.UTC, ZoneOffset.ofHours(8), ZoneOffset.ofHours(-5),
            ZoneOffset.ofHoursMinutes(5, 45)};
    private static final String CHARS = "aZ09,. \t-ßİıΣσςǅﬁŉ中文客户😀𠀀！ｚ\u3000\u00A0\u2007\u2028\u1680\u0301\uE000"
            + "\u200D";

    private final Random rnd;

    public RandomRecords(Random rnd) {
        this.rnd = rnd;
    }

    public List<Map<Long, Object>> make(int n) {
        List<Map<Long, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<Long, Object> row = new HashMap<>();
            for (FieldRef f : RandomFormulas.FIELDS) {
                row.put(f.fieldId(), rnd.nextInt(100) < 12 ? null : value(f.type()));
            }
            rows.add(row);
        }
        return rows;
    }

    private Object value(ValueType type) {
        return switch (type) {
            case NUMBER -> number();
            case TEXT -> text();
            case BOOLEAN -> rnd.nextBoolean();
            case DATE -> rnd.nextInt(3) == 0
                    ? LocalDate.ofEpochDay(-25_000 + rnd.nextInt(75_000)) : DATES[rnd.nextInt(DATES.length)];
            case DATETIME -> dateTime();
            case NULL -> null;
        };
    }

    private BigDecimal number() {
        if (rnd.nextInt(3) > 0) {
            return new BigDecimal(NUMBERS[rnd.nextInt(NUMBERS.length)]);
        }
        BigInteger unscaled = new BigInteger(1 + rnd.nextInt(64), rnd);
        BigDecimal b = new BigDecimal(rnd.nextBoolean() ? unscaled : unscaled.negate(), rnd.nextInt(30) - 8);
        return b;
    }

    private String text() {
        if (rnd.nextInt(3) == 0) {
            String[] pool = {"", " ", "abc", "ABC", "Straße", "ΟΔΟΣ ΣΑΣ", "中文客户", "😀", "👨‍👩‍👧", "e\u0301", "10,20,30",
                    "a,b,c,d", " D ", "m", "Y", "1e3", "！", "\uE000", "x".repeat(300), "流失预警", "ǅ", "ﬁ"};
            return pool[rnd.nextInt(pool.length)];
        }
        StringBuilder sb = new StringBuilder();
        int len = rnd.nextInt(10);
        int[] cps = CHARS.codePoints().toArray();
        for (int i = 0; i < len; i++) {
            sb.appendCodePoint(cps[rnd.nextInt(cps.length)]);
        }
        return sb.toString();
    }

    private OffsetDateTime dateTime() {
        if (rnd.nextInt(2) == 0) {
            Instant t = Instant.parse(INSTANTS[rnd.nextInt(INSTANTS.length)]);
            ZoneOffset o = t.getEpochSecond() < -60_000_000_000L || t.getEpochSecond() > 250_000_000_000L
                    ? ZoneOffset.UTC : OFFSETS[rnd.nextInt(OFFSETS.length)];
            return t.atOffset(o);
        }
        long seconds = -2_200_000_000L + (long) (rnd.nextDouble() * 6_400_000_000L);
        int micros = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(1_000_000);
        return Instant.ofEpochSecond(seconds, micros * 1000L).atOffset(OFFSETS[rnd.nextInt(OFFSETS.length)]);
    }

    /** Creates TEMP table rec (id, f_1 … f_11; text in an ICU collation) and inserts the rows with ids 0, 1, …. */
    public static void insert(Connection c, List<Map<Long, Object>> rows) throws SQLException {
        insert(c, "rec", rows);
    }

    /** As {@link #insert(Connection, List)}, into TEMP table {@code table}. */
    public static void insert(Connection c, String table, List<Map<Long, Object>> rows) throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TEMP TABLE " + table + " (id integer PRIMARY KEY");
        StringBuilder ins = new StringBuilder("INSERT INTO " + table + " VALUES (?");
        for (FieldRef f : RandomFormulas.FIELDS) {
            ddl.append(", f_").append(f.fieldId()).append(' ').append(SqlArgs.sqlType(f.type()));
            if (f.type() == ValueType.TEXT) {
                // a linguistic collation, as a production database may have, so a comparison without COLLATE "C" shows
                ddl.append(" COLLATE \"und-x-icu\"");
            }
            ins.append(", ?");
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute(ddl.append(")").toString());
        }
        try (PreparedStatement ps = c.prepareStatement(ins.append(")").toString())) {
            for (int i = 0; i < rows.size(); i++) {
                ps.setInt(1, i);
                int k = 2;
                for (FieldRef f : RandomFormulas.FIELDS) {
                    ps.setObject(k++, rows.get(i).get(f.fieldId()));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
