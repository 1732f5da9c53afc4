package io.tierflow.rule.formula;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.tierflow.core.config.DatabaseUrl;

/**
 * A plain JDBC connection to the test database ({@code TIERFLOW_DB}, set by surefire) with the formula SQL helpers
 * installed, by running the migration's own text, into a schema of its own that is dropped on close: rule-engine
 * tests have no Flyway, and other modules' tests clean the public schema while these may run.
 * Fails, never skips, when the database is unreachable.
 */
public final class TestDatabase implements AutoCloseable {
    /** The rule engine's migrations, in order. */
    public static final List<String> MIGRATIONS = List.of("db/rule/V2_0_1__formula_sql_helpers.sql",
            "db/rule/V2_0_2__more_formula_helpers.sql", "db/rule/V2_0_3__fast_number_input.sql");

    private final Connection connection;
    private final String schema;

    private TestDatabase(Connection connection, String schema) {
        this.connection = connection;
        this.schema = schema;
    }

    /** TIERFLOW_DB, or the test database of the parent pom when it is not set (e.g. in an IDE). */
    public static DatabaseUrl url() {
        String env = System.getenv("TIERFLOW_DB");
        return DatabaseUrl.parse(env == null || env.isBlank()
                ? "postgresql://tierflow:tierflow@127.0.0.1:5432/tierflow_test" : env);
    }

    public static TestDatabase open() throws SQLException {
        DatabaseUrl url = url();
        Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        String schema = "tf_test_" + ProcessHandle.current().pid() + "_"
                + Integer.toUnsignedString(ThreadLocalRandom.current().nextInt(), 36);
        try (Statement s = c.createStatement()) {
            dropSchemasOfDeadRuns(c);
            s.execute("CREATE SCHEMA " + schema);
            try {
                s.execute("SET search_path TO " + schema);
                s.execute(migration());
            } catch (SQLException e) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
                c.close();
                throw e;
            }
        }
        return new TestDatabase(c, schema);
    }

    /** Schemas tf_test_<pid>_… whose test JVM (on this host) is gone, e.g. killed before it dropped them. */
    private static void dropSchemasOfDeadRuns(Connection c) throws SQLException {
        List<String> dead = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname ~ '^tf_test_[0-9]+_'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                long pid = Long.parseLong(name.split("_")[2]);
                if (ProcessHandle.of(pid).isEmpty()) {
                    dead.add(name);
                }
            }
        }
        for (String name : dead) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            }
        }
    }

    /** The text of all {@link #MIGRATIONS}, one after the other. */
    public static String migration() {
        StringBuilder sb = new StringBuilder();
        for (String m : MIGRATIONS) {
            sb.append(migration(m)).append('\n');
        }
        return sb.toString();
    }

    public static String migration(String path) {
        try (InputStream in = TestDatabase.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("migration not on the class path: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Connection connection() {
        return connection;
    }

    public String schema() {
        return schema;
    }

    @Override
    public void close() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } finally {
            connection.close();
        }
    }
}
