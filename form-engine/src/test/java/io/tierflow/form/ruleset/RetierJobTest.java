package io.tierflow.form.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A re-tier job as a crash leaves it: published, committed, and some or none of its batches done. Each test
 * publishes v2 of the customer fixture (A from 55, B from 30, C from 10), puts the records' tiers back to what
 * v1 gave them, and hands the runner a running job from id 0, as if the node had died right after the publish.
 */
@QuarkusTest
class RetierJobTest {

    static final int RECORDS = 25;

    static final String DRAFT = """
            {"tierModel":{"rules":[{"tier":"A","condition":"score >= 55"},{"tier":"B","condition":"score >= 30"},
              {"tier":"C","condition":"score >= 10"}]},"approval":{"tiers":["A"],"statusField":"approval_status"}}""";

    @Inject
    UserDirectory users;

    @Inject
    AgroalDataSource db;

    @Inject
    RetierBatch batch;

    @Inject
    RetierRunner runner;

    @BeforeEach
    void people() {
        FormFixtures.people(users);
    }

    /** Creates the form and its records, publishes v2 and undoes its re-tiering; returns the form id. */
    long interruptedPublish(String key) throws Exception {
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), key);
        for (int i = 0; i < RECORDS; i++) {
            TestUsers.as("east_rep").contentType(ContentType.JSON)
                    .body("{\"values\":{\"name\":\"客户" + i + "\",\"revenue\":" + (i * 10) + "}}")
                    .post("/api/forms/" + key + "/records").then().statusCode(201);
        }
        TestUsers.as("east_mgr").contentType(ContentType.JSON).body(DRAFT)
                .post("/api/forms/" + key + "/rules").then().statusCode(201);
        TestUsers.as("east_mgr").post("/api/forms/" + key + "/rules/2/publish").then().statusCode(200);
        long form = Long.parseLong(rows("SELECT id FROM form WHERE key = ?", key).get(0));
        update("UPDATE rec_" + form + " SET tier = CASE WHEN f_score >= 80 THEN 'A' WHEN f_score >= 40 THEN 'B' ELSE 'C' END"
                .replace("f_score", "f_" + rows("SELECT id FROM form_field WHERE form_id = ? AND key = 'score'", form).get(0)));
        update("DELETE FROM tier_history WHERE form_id = ? AND cause = 'rule-publish'", form);
        return form;
    }

    /** Records whose v1 tier differs from their v2 tier among the first {@code records}: scores 0, 4, 8 … 96. */
    static int expectedChanges(int records) {
        int n = 0;
        for (int i = 0; i < records; i++) {
            int score = 4 * i;
            String v1 = score >= 80 ? "A" : score >= 40 ? "B" : "C";
            String v2 = score >= 55 ? "A" : score >= 30 ? "B" : score >= 10 ? "C" : null;
            n += v1.equals(v2) ? 0 : 1;
        }
        return n;
    }

    static int expectedChanges() {
        return expectedChanges(RECORDS);
    }

    long job(long form) throws Exception {
        return Long.parseLong(rows("INSERT INTO retier_job (form_id, rule_version, cause, status, total) VALUES (?, 2, 'rule-publish',"
                + " 'running', ?) RETURNING id", form, RECORDS).get(0));
    }

    String jobState(long job) throws Exception {
        return rows("SELECT status || ' last=' || last_id || ' processed=' || processed || ' changed=' || changed || ' batches=' || batches"
                + " FROM retier_job WHERE id = ?", job).get(0);
    }

    List<String> rows(String sql, Object... params) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    void update(String sql, Object... params) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    RetierBatch.Outcome batch(long job, int size) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> batch.run(job, size));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Every record has v2's tier, and exactly one publish history row per record that had to change. */
    void everyRecordOnceAtV2(long form) throws Exception {
        String score = "f_" + rows("SELECT id FROM form_field WHERE form_id = ? AND key = 'score'", form).get(0);
        assertEquals(List.of("0"), rows("SELECT count(*) FROM rec_" + form + " WHERE tier IS DISTINCT FROM CASE WHEN " + score
                + " >= 55 THEN 'A' WHEN " + score + " >= 30 THEN 'B' WHEN " + score + " >= 10 THEN 'C' END"));
        assertEquals(List.of(String.valueOf(expectedChanges())), rows("SELECT count(*) FROM tier_history WHERE form_id = ?"
                + " AND cause = 'rule-publish' AND rule_version = 2", form));
        assertEquals(List.of("0"), rows("SELECT count(*) FROM (SELECT record_id FROM tier_history WHERE form_id = ?"
                + " AND cause = 'rule-publish' GROUP BY record_id HAVING count(*) > 1) d", form));
    }

    @Test
    void aJobInterruptedAfterOneBatchResumesFromItsLastId() throws Throwable {
        long form = interruptedPublish("rt_resume");
        long job = job(form);
        String tenth = rows("SELECT id FROM rec_" + form + " ORDER BY id OFFSET 9 LIMIT 1").get(0);

        assertEquals(RetierBatch.Outcome.PROGRESS, batch(job, 10));
        assertEquals("running last=" + tenth + " processed=10 changed=" + expectedChanges(10) + " batches=1", jobState(job));
        assertEquals(List.of(String.valueOf(expectedChanges(10))), rows("SELECT count(*) FROM tier_history WHERE form_id = ?"
                + " AND cause = 'rule-publish'", form));
        // the records after the tenth wait for the rest of the job
        assertEquals(List.of("0"), rows("SELECT count(*) FROM tier_history WHERE form_id = ? AND cause = 'rule-publish'"
                + " AND record_id > ?", form, Long.parseLong(tenth)));

        // "the node restarts": any running job is picked up again and goes on after the tenth record
        runner.resume(0);
        for (int i = 0; i < 100 && !jobState(job).startsWith("done"); i++) {
            Thread.sleep(100);
        }
        assertTrue(jobState(job).startsWith("done last="), jobState(job));
        assertEquals(List.of(String.valueOf(RECORDS)), rows("SELECT processed FROM retier_job WHERE id = ?", job));
        everyRecordOnceAtV2(form);
        // a finished job does nothing more
        assertEquals(RetierBatch.Outcome.FINISHED, batch(job, 10));
        everyRecordOnceAtV2(form);
    }

    @Test
    void theFormsAdvisoryLockKeepsASecondRunnerOut() throws Throwable {
        long form = interruptedPublish("rt_lock");
        long job = job(form);
        try (Connection other = db.getConnection(); PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
            lock.setInt(1, RetierBatch.LOCK_CLASS);
            lock.setInt(2, (int) form);
            lock.execute();
            assertEquals(RetierBatch.Outcome.LOCKED, batch(job, 10));
            assertEquals("running last=0 processed=0 changed=0 batches=0", jobState(job));
            try (PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                unlock.setInt(1, RetierBatch.LOCK_CLASS);
                unlock.setInt(2, (int) form);
                unlock.execute();
            }
        }

        // two "nodes" on the same job at once: batches never overlap, each record is re-tiered once
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> node = () -> {
                int locked = 0;
                while (true) {
                    RetierBatch.Outcome o = batch(job, 4);
                    if (o == RetierBatch.Outcome.FINISHED) {
                        return locked;
                    }
                    if (o == RetierBatch.Outcome.LOCKED) {
                        locked++;
                        Thread.sleep(5);
                    }
                }
            };
            Future<Integer> a = nodes.submit(node);
            Future<Integer> b = nodes.submit(node);
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        } finally {
            nodes.shutdownNow();
        }
        assertTrue(jobState(job).startsWith("done last="), jobState(job));
        assertTrue(jobState(job).endsWith("processed=" + RECORDS + " changed=" + expectedChanges() + " batches=7"), jobState(job));
        everyRecordOnceAtV2(form);
    }

    @Test
    void aJobForAVersionNoLongerLiveStopsAsSuperseded() throws Throwable {
        long form = interruptedPublish("rt_old");
        long job = Long.parseLong(rows("INSERT INTO retier_job (form_id, rule_version, cause, status) VALUES (?, 1, 'rule-publish',"
                + " 'running') RETURNING id", form).get(0));
        assertEquals(RetierBatch.Outcome.FINISHED, batch(job, 10));
        assertEquals("superseded last=0 processed=0 changed=0 batches=0", jobState(job));
    }
}
