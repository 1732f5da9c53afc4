package io.tierflow.core.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

@QuarkusTest
class EffectJournalTest {

    @Inject
    EffectJournal journal;

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RecordingConsumers.Echo echo;

    private void inTransaction(java.util.function.Function<Mutiny.Session, Uni<Void>> work) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> sessions.withTransaction(work::apply));
    }

    @Test
    void aCommittedEffectIsAppliedOnceEvenWhenEnqueuedTwice() throws Throwable {
        inTransaction(s -> journal.enqueue(s, "test.echo", "echo:1", Map.of("message", "hello"))
                .flatMap(x -> journal.enqueue(s, "test.echo", "echo:1", Map.of("message", "hello again"))));
        await(() -> status("echo:1").equals("DONE"));
        assertEquals(1, echo.applied().stream().filter(m -> m.startsWith("hello")).count());
    }

    @Test
    void anEffectRolledBackWithItsTransactionNeverRuns() throws Throwable {
        try {
            inTransaction(s -> journal.enqueue(s, "test.echo", "echo:rollback", Map.of("message", "ghost"))
                    .flatMap(x -> Uni.createFrom().failure(new IllegalStateException("the write failed"))));
        } catch (IllegalStateException expected) {
            // the producer's transaction failed: its effect must vanish with it
        }
        assertEquals("", status("echo:rollback"));
        assertTrue(echo.applied().stream().noneMatch("ghost"::equals));
    }

    @Test
    void aClaimedEffectCannotBeClaimedByAnotherNode() throws Throwable {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            journal.enqueue(c, "test.none", "lock:1", Map.of());
            c.commit();
        }
        long id = id("lock:1");
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            Optional<Effect> a = journal.claim(first, id);
            Optional<Effect> b = journal.claim(second, id);
            assertTrue(a.isPresent());
            assertTrue(b.isEmpty(), "SKIP LOCKED must hide an effect another transaction holds");
            first.rollback();
            second.rollback();
        }
    }

    @Test
    void aFailingEffectIsRetriedWithBackoffThenStaysFailedForAnAdmin() throws Throwable {
        try (Connection c = dataSource.getConnection()) {
            journal.enqueue(c, "test.fail", "fail:1", Map.of());
        }
        await(() -> status("fail:1").equals("FAILED"));
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT attempts, last_error FROM effect WHERE dedupe_key = 'fail:1'")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
            assertTrue(rs.getString(2).contains("remote system down"));
        }
        assertTrue(journal.retry(id("fail:1")));
        assertEquals("PENDING", status("fail:1"));
    }

    private String status(String key) throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT status FROM effect WHERE dedupe_key = '" + key + "'")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private long id(String key) throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT id FROM effect WHERE dedupe_key = '" + key + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void await(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.call()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("condition not met within 20 s");
    }
}
