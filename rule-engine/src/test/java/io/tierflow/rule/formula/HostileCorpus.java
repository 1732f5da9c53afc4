package io.tierflow.rule.formula;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The shared hostile-formula corpus ({@code /work/shared/security/hostile-formulas.tsv}) and the checks every row
 * must pass: rejected with a zh and en message and a position, and no side effect (marker file, connection to a
 * loopback listener, System property "pwn", new threads).
 */
public final class HostileCorpus implements AutoCloseable {
    public record Row(String id, String category, String formula) {
        @Override
        public String toString() {
            return id + " " + category;
        }
    }

    /** A mutated formula and what was done to it. */
    public record Variant(String description, String formula) {
        @Override
        public String toString() {
            return description;
        }
    }

    public static final FormulaScope SCOPE = FormulaScope.of(List.of(
            new FieldRef("customer", 101, ValueType.TEXT),
            new FieldRef("record", 102, ValueType.TEXT),
            new FieldRef("amount", 103, ValueType.NUMBER),
            new FieldRef("owner", 104, ValueType.TEXT),
            new FieldRef("tier", 105, ValueType.TEXT)));

    private final Path dir;
    private final ServerSocket server;

    public HostileCorpus() {
        try {
            dir = Files.createTempDirectory("tierflow-hostile-");
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            server.setSoTimeout(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resolves the corpus from the module directory or the repository root; fails (never skips) if absent. */
    public static Path corpusPath() {
        Path cwd = Paths.get("").toAbsolutePath();
        List<Path> candidates = List.of(
                cwd.resolve("../../shared/security/hostile-formulas.tsv").normalize(),
                cwd.resolve("../shared/security/hostile-formulas.tsv").normalize());
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new AssertionError("hostile formula corpus not found; looked at " + candidates
                + " — the security tests must not be skipped");
    }

    public static List<Row> rows() {
        List<String> lines;
        try {
            lines = Files.readAllLines(corpusPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 3);
            if (parts.length != 3) {
                throw new AssertionError("malformed corpus line: " + line);
            }
            rows.add(new Row(parts[0], parts[1], parts[2]));
        }
        if (rows.size() < 20) {
            throw new AssertionError("corpus has only " + rows.size() + " rows");
        }
        return rows;
    }

    public Path marker(Row row) {
        return dir.resolve("pwned-" + row.id());
    }

    public String instantiate(Row row) {
        return row.formula().replace("<MARK>", marker(row).toString())
                .replace("<PORT>", Integer.toString(server.getLocalPort()));
    }

    /** Mutations: zero-width characters, comments, full-width dots, backslash-u escapes. */
    public static List<Variant> variants(String f) {
        List<Variant> v = new ArrayList<>();
        for (String zw : new String[]{"\u200B", "\u2060", "\uFEFF"}) {
            String name = String.format("U+%04X", (int) zw.charAt(0));
            v.add(new Variant(name + " prepended", zw + f));
            v.add(new Variant(name + " after the first character", f.substring(0, 1) + zw + f.substring(1)));
            v.add(new Variant(name + " in the middle", f.substring(0, f.length() / 2) + zw + f.substring(f.length() / 2)));
            v.add(new Variant(name + " before every '.'", f.replace(".", zw + ".")));
        }
        v.add(new Variant("block comment prepended", "/* */ " + f));
        v.add(new Variant("block comment before every '.'", f.replace(".", "/* */.")));
        v.add(new Variant("block comment in the middle",
                f.substring(0, f.length() / 2) + "/**/" + f.substring(f.length() / 2)));
        v.add(new Variant("line comment appended", f + " // harmless"));
        v.add(new Variant("line comment then newline", "// x\n" + f));
        v.add(new Variant("hidden after 1 + block comment", "1 /* */ + " + f));
        v.add(new Variant("full-width dots", f.replace(".", "．")));
        v.add(new Variant("full-width dots, first only", f.replaceFirst("\\.", "．")));
        v.add(new Variant("\\u escapes for R and e", f.replace("R", "\\u0052").replace("e", "\\u0065")));
        return v;
    }

    /** Asserts that {@code attempt} rejects the formula with messages and a position, and nothing happened. */
    public void assertRejectedSafely(Row row, String formula, Consumer<String> attempt) {
        Set<Thread> before = liveThreads();
        assertNull(System.getProperty("pwn"), "precondition: pwn unset");
        FormulaException e = assertThrows(FormulaException.class, () -> attempt.accept(formula),
                () -> row + ": accepted: " + formula);
        String en = e.message(Locale.ENGLISH);
        String zh = e.message(Locale.SIMPLIFIED_CHINESE);
        assertFalse(en == null || en.isBlank(), "en message");
        assertFalse(zh == null || zh.isBlank(), "zh message");
        assertFalse(en.equals(zh), "zh differs from en: " + en);
        assertFalse(e.code() == null || e.code().isBlank(), "code");
        assertTrue(e.line() >= 1, () -> "line for " + formula + ": " + en);
        assertTrue(e.column() >= 1, () -> "column for " + formula + ": " + en);
        assertNoSideEffects(row, before);
    }

    public void assertNoSideEffects(Row row, Set<Thread> before) {
        assertFalse(Files.exists(marker(row)), "marker file created for " + row);
        assertNull(System.getProperty("pwn"), "System property pwn set by " + row);
        try (Socket s = server.accept()) {
            fail("a connection reached the loopback listener during " + row + ": " + s);
        } catch (SocketTimeoutException expected) {
            // nothing connected
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Thread> grown = liveThreads();
        grown.removeAll(before);
        assertEquals(Set.of(), grown, "threads started during " + row);
    }

    public static Set<Thread> liveThreads() {
        Set<Thread> s = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive()) {
                s.add(t);
            }
        }
        return s;
    }

    @Override
    public void close() throws IOException {
        server.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
