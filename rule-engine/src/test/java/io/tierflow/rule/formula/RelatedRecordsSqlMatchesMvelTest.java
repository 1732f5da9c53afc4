package io.tierflow.rule.formula;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tierflow.rule.function.BuiltinFunctions;

import static io.tierflow.rule.formula.ValueType.BOOLEAN;
import static io.tierflow.rule.formula.ValueType.DATE;
import static io.tierflow.rule.formula.ValueType.DATETIME;
import static io.tierflow.rule.formula.ValueType.NUMBER;
import static io.tierflow.rule.formula.ValueType.TEXT;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The differential test for related records: random formulas that read a linked record's fields ({@code peer.n1})
 * and aggregate the records that link here ({@code SUM(items.n1, items.b1 && n2 > 0)}, over a bigint and a bigint[]
 * relation) give the same values in MVEL, fed the related records as the form engine loads them, and in SQL, which
 * reads them itself: nulls, decimals, dates, zones, trashed records and ties in creation time included.
 */
class RelatedRecordsSqlMatchesMvelTest {
    private static final long SEED = Long.getLong("tierflow.sqltest.seed", 20261123L);
    private static final int FORMULAS = Integer.getInteger("tierflow.sqltest.related", 1500);
    private static final int RECORDS = 40;
    private static final int ITEMS = 160;
    private static final ZoneId[] ZONES = {ZoneOffset.UTC, ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"),
            ZoneOffset.ofHoursMinutes(5, 45)};
    private static final Instant NOW = Instant.parse("2024-06-15T10:00:00Z");
    private static final Instant[] CREATED = {Instant.parse("2024-01-01T00:00:00Z"),
            Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z")};

    static final FieldRef PEER = new FieldRef("peer", 900, NUMBER);
    static final FieldRef PARENT = new FieldRef("parent", 901, NUMBER);
    static final FieldRef PARENTS = new FieldRef("parents", 902, TEXT);

    private static TestDatabase db;
    private static List<Map<Long, Object>> records;
    private static List<Map<Long, Object>> items;
    private static final Integer[] peer = new Integer[RECORDS];
    private static final boolean[] recordTrashed = new boolean[RECORDS];
    private static final Integer[] parent = new Integer[ITEMS];
    private static final List<List<Integer>> parents = new ArrayList<>();
    private static final Instant[] created = new Instant[ITEMS];
    private static final boolean[] itemTrashed = new boolean[ITEMS];
    private static FormulaScope scope;

    @BeforeAll
    static void setUp() throws SQLException {
        db = TestDatabase.open();
        Random rnd = new Random(SEED);
        records = new RandomRecords(rnd).make(RECORDS);
        items = new RandomRecords(rnd).make(ITEMS);
        Connection c = db.connection();
        RandomRecords.insert(c, "rec", records);
        RandomRecords.insert(c, "item", items);
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE rec ADD peer integer, ADD created_at timestamptz, ADD deleted_at timestamptz");
            s.execute("ALTER TABLE item ADD parent integer, ADD parents integer[], ADD created_at timestamptz,"
                    + " ADD deleted_at timestamptz");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE rec SET peer = ?, created_at = now(), deleted_at = ? WHERE id = ?")) {
            for (int i = 0; i < RECORDS; i++) {
                peer[i] = rnd.nextInt(6) == 0 ? null : rnd.nextInt(RECORDS);
                recordTrashed[i] = rnd.nextInt(8) == 0;
                ps.setObject(1, peer[i]);
                ps.setObject(2, recordTrashed[i] ? Timestamp.from(NOW) : null);
                ps.setInt(3, i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE item SET parent = ?, parents = ?, created_at = ?, deleted_at = ? WHERE id = ?")) {
            for (int j = 0; j < ITEMS; j++) {
                // a third of the records have no items, so empty aggregates are common
                parent[j] = rnd.nextInt(10) == 0 ? null : rnd.nextInt(RECORDS * 2 / 3);
                List<Integer> ids = new ArrayList<>();
                for (int k = rnd.nextInt(4); k > 0; k--) {
                    ids.add(rnd.nextInt(RECORDS));
                }
                parents.add(ids);
                created[j] = CREATED[rnd.nextInt(CREATED.length)];
                itemTrashed[j] = rnd.nextInt(10) == 0;
                ps.setObject(1, parent[j]);
                ps.setArray(2, c.createArrayOf("integer", ids.toArray()));
                ps.setTimestamp(3, Timestamp.from(created[j]));
                ps.setObject(4, itemTrashed[j] ? Timestamp.from(NOW) : null);
                ps.setInt(5, j);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Map<Long, String> columns = new HashMap<>();
        RandomFormulas.FIELDS.forEach(f -> columns.put(f.fieldId(), "f_" + f.fieldId()));
        Map<Long, String> itemColumns = new HashMap<>(columns);
        itemColumns.put(PARENT.fieldId(), "parent");
        itemColumns.put(PARENTS.fieldId(), "parents");
        scope = FormulaScope.of(concat(RandomFormulas.FIELDS, PEER)).withLinks(List.of(
                Link.of("peer", Link.Kind.ONE, RandomFormulas.SCOPE, PEER, "rec", columns, false),
                Link.of("items", Link.Kind.MANY, RandomFormulas.SCOPE, PARENT, "item", itemColumns, false),
                Link.of("tagged", Link.Kind.MANY, RandomFormulas.SCOPE, PARENTS, "item", itemColumns, true)));
    }

    @AfterAll
    static void tearDown() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    private static List<FieldRef> concat(List<FieldRef> fields, FieldRef more) {
        List<FieldRef> all = new ArrayList<>(fields);
        all.add(more);
        return all;
    }

    /** What the form engine gives MVEL for record {@code i}: its peer unless trashed, its live items oldest first. */
    private static RelatedValues related(int i) {
        return new RelatedValues() {
            @Override
            public Map<Long, Object> one(String link) {
                Integer p = peer[i];
                return p == null || recordTrashed[p] ? null : records.get(p);
            }

            @Override
            public List<Map<Long, Object>> many(String link) {
                List<Integer> found = new ArrayList<>();
                for (int j = 0; j < ITEMS; j++) {
                    boolean linked = link.equals("items") ? Integer.valueOf(i).equals(parent[j])
                            : parents.get(j).contains(i);
                    if (linked && !itemTrashed[j]) {
                        found.add(j);
                    }
                }
                found.sort(Comparator.comparing((Integer j) -> created[j]).thenComparing(j -> j));
                return found.stream().map(items::get).toList();
            }
        };
    }

    @Test
    void formulasOverRelatedRecordsGiveTheSameResultsInMvelAndSql() throws SQLException {
        Random rnd = new Random(SEED + 1);
        FormulaCompiler compiler = new FormulaCompiler(BuiltinFunctions.registry(Clock.fixed(NOW, ZoneOffset.UTC)));
        SqlNames names = SqlNames.of(f -> f.fieldId() == PEER.fieldId() ? "r.peer" : "r.f_" + f.fieldId(), "r.id");
        List<String> failures = new ArrayList<>();
        Map<String, Integer> byKind = new TreeMap<>();
        int compileErrors = 0;
        int compared = 0;
        int nonNull = 0;
        for (int i = 0; i < FORMULAS && failures.size() < 10; i++) {
            String[] kind = new String[1];
            String text = formula(rnd, kind);
            FormulaContext cx = FormulaContext.of(Clock.fixed(NOW, ZONES[rnd.nextInt(ZONES.length)]));
            CompiledFormula f;
            try {
                f = compiler.compile(text, scope);
            } catch (FormulaException e) {
                if (++compileErrors <= 3) {
                    System.out.println("does not compile: " + text + " → " + e.getMessage());
                }
                continue;
            }
            List<Object> expected = new ArrayList<>();
            try {
                for (int r = 0; r < RECORDS; r++) {
                    expected.add(f.evaluate(records.get(r), related(r), cx));
                }
            } catch (FormulaEvaluationException e) {
                if (!e.code().equals("formula.eval.text-too-long")) {
                    failures.add("MVEL failed: " + text + " → " + e.getMessage());
                }
                continue;
            }
            byKind.merge(kind[0], 1, Integer::sum);
            SqlExpression sql = f.sql(names, cx);
            List<Object> actual;
            try {
                actual = SqlMatchesMvelTest.query(db.connection(), sql, f.type());
            } catch (SQLException e) {
                failures.add("SQL failed: " + text + "\n  SQL " + sql + "\n  " + e.getMessage());
                continue;
            }
            for (int r = 0; r < RECORDS; r++) {
                compared++;
                nonNull += expected.get(r) == null ? 0 : 1;
                String why = SqlMatchesMvelTest.differs(expected.get(r), actual.get(r), f.type(), cx);
                if (why != null) {
                    failures.add(why + "\n  formula " + text + "\n  zone " + cx.zone() + "\n  record " + r
                            + "\n  MVEL " + SqlMatchesMvelTest.show(expected.get(r))
                            + "\n  SQL  " + SqlMatchesMvelTest.show(actual.get(r)) + "\n  sql  " + sql);
                    break;
                }
            }
        }
        System.out.printf("RelatedRecordsSqlMatchesMvelTest: formulas by kind %s, %d values compared (%d not null),"
                + " %d not compiled%n", byKind, compared, nonNull, compileErrors);
        if (!failures.isEmpty()) {
            fail(failures.size() + " differences (first ones):\n" + String.join("\n\n", failures));
        }
        assertTrue(compileErrors < FORMULAS / 100, "too many formulas did not compile: " + compileErrors);
        for (String k : List.of("COUNT", "SUM", "AVG", "MIN", "MAX", "LATEST", "peer")) {
            assertTrue(byKind.getOrDefault(k, 0) >= FORMULAS / 20, "rarely generated: " + k + " of " + byKind);
        }
        assertTrue(nonNull > compared / 3, "mostly nulls: " + nonNull + " of " + compared);
    }

    /** A random formula: a linked record's fields, or an aggregate (alone or inside an IF) over one of the lists. */
    private static String formula(Random rnd, String[] kind) {
        Function<FieldRef, String> outerText = f -> rnd.nextInt(3) == 0 ? "peer." + f.key() : f.key();
        RandomFormulas outer = new RandomFormulas(rnd, outerText);
        ValueType[] all = {NUMBER, TEXT, BOOLEAN, DATE, DATETIME};
        if (rnd.nextInt(7) == 0) {
            kind[0] = "peer";
            return outer.of(all[rnd.nextInt(all.length)], 1 + rnd.nextInt(3), false);
        }
        String link = rnd.nextBoolean() ? "items" : "tagged";
        RandomFormulas inner = new RandomFormulas(rnd,
                f -> rnd.nextInt(10) < 7 ? link + "." + f.key() : outerText.apply(f));
        String name = new String[]{"COUNT", "SUM", "AVG", "MIN", "MAX", "LATEST"}[rnd.nextInt(6)];
        kind[0] = name;
        ValueType type = switch (name) {
            case "COUNT", "SUM", "AVG" -> NUMBER;
            case "MIN", "MAX" -> new ValueType[]{NUMBER, DATE, DATETIME}[rnd.nextInt(3)];
            default -> all[rnd.nextInt(all.length)];
        };
        String first = link;
        if (!name.equals("COUNT")) {
            // the value must read the list (that is what makes the call an aggregate)
            do {
                first = inner.of(type, 1 + rnd.nextInt(2), false);
            } while (!first.contains(link + "."));
        }
        String text = name + "(" + first
                + (rnd.nextInt(10) < 7 ? ", " + inner.of(BOOLEAN, 1 + rnd.nextInt(2), false) : "") + ")";
        return rnd.nextBoolean() ? text
                : "IF(" + outer.of(BOOLEAN, 1, false) + ", " + text + ", " + outer.of(type, 1, false) + ")";
    }
}
