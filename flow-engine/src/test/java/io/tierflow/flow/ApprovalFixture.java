package io.tierflow.flow;

import io.tierflow.core.TestUsers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Singleton;
import jakarta.inject.Inject;

import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.Role;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.core.journal.EffectDispatcher;
import io.tierflow.core.journal.EffectJournal;

/**
 * The world the flow tests share (one Quarkus boot): two teams with managers, their sales reps,
 * a rep whose team has no manager, an admin; and what form-engine does, writing process.start
 * effects through the real journal. Each test uses its own record ids.
 */
@Singleton // not a client proxy: tests read the public fields
public class ApprovalFixture {

    public static final long FORM_ID = 7;

    private static final AtomicLong RECORDS = new AtomicLong(1000);

    @Inject
    UserDirectory users;

    @Inject
    EffectJournal journal;

    @Inject
    EffectDispatcher dispatcher;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TaskService tasks;

    @Inject
    HistoryService history;

    @Inject
    ObjectMapper json;

    public Caller northManager;
    public Caller northRep;
    public Caller southManager;
    public Caller soloRep;
    public Caller admin;

    public synchronized void ensureUsers() {
        if (admin != null) {
            return;
        }
        northManager = TestUsers.ensure(users, "mgr_north", Role.MANAGER, "North");
        northRep = TestUsers.ensure(users, "rep_north", Role.SALES, "North");
        southManager = TestUsers.ensure(users, "mgr_south", Role.MANAGER, "South");
        soloRep = TestUsers.ensure(users, "rep_solo", Role.SALES, "Unmanaged");
        admin = TestUsers.ensure(users, "boss", Role.ADMIN, null);
        TestUsers.manage(users, northManager, "North");
        TestUsers.manage(users, southManager, "South");
    }

    public long newRecordId() {
        return RECORDS.incrementAndGet();
    }

    /** What form-engine enqueues when a record enters tier A; returns the dedupe key. */
    public String requestApproval(Caller owner, long recordId) throws Exception {
        String key = "tier:" + FORM_ID + ":" + recordId;
        enqueue(key, payload(owner, recordId, "tier_approval"));
        return key;
    }

    public Map<String, Object> payload(Caller owner, long recordId, String process) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("process", process);
        p.put("formId", FORM_ID);
        p.put("formKey", "customer");
        p.put("formName", "客户");
        p.put("recordId", recordId);
        p.put("ownerId", owner.id());
        p.put("tier", "A");
        p.put("statusField", "approval_status");
        p.put("title", "华东电气 #" + recordId);
        return p;
    }

    public void enqueue(String dedupeKey, Map<String, Object> payload) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            journal.enqueue(c, "process.start", dedupeKey, payload);
            c.commit();
        }
    }

    public void drain() throws Exception {
        dispatcher.drain();
    }

    public Task openTask(long recordId) {
        return tasks.createTaskQuery().processInstanceBusinessKey("rec:" + FORM_ID + ":" + recordId).singleResult();
    }

    public long processCount(long recordId) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("rec:" + FORM_ID + ":" + recordId).count();
    }

    /** status, attempts and payload of an effect, or null when there is none. */
    public Map<String, Object> effect(String dedupeKey) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT kind, status, attempts, payload::text FROM effect WHERE dedupe_key = ?")) {
            ps.setString(1, dedupeKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", rs.getString(1));
                m.put("status", rs.getString(2));
                m.put("attempts", rs.getInt(3));
                m.put("payload", json.readValue(rs.getString(4), new TypeReference<Map<String, Object>>() {
                }));
                return m;
            }
        }
    }

    /** Which write of an effect PostgreSQL is to refuse. */
    public enum Refuse { INSERT, DONE }

    /**
     * Makes PostgreSQL refuse to insert the effect with this dedupe key, or to mark it done: a real
     * failure inside the consumer's or the approver's transaction, to prove it is all-or-nothing.
     */
    public void refuseEffect(String dedupeKey, Refuse what) throws Exception {
        sql("CREATE TABLE IF NOT EXISTS test_refused_effect (dedupe_key TEXT, what TEXT, PRIMARY KEY (dedupe_key, what))");
        sql("CREATE OR REPLACE FUNCTION test_refuse_effect() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF EXISTS (SELECT 1 FROM test_refused_effect WHERE dedupe_key = NEW.dedupe_key"
                + " AND what = CASE WHEN TG_OP = 'INSERT' THEN 'INSERT' WHEN NEW.status = 'DONE' THEN 'DONE' END) THEN"
                + " RAISE EXCEPTION 'effect % refused by the test', NEW.dedupe_key; END IF; RETURN NEW; END $$");
        sql("CREATE OR REPLACE TRIGGER test_refuse_effect BEFORE INSERT OR UPDATE ON effect"
                + " FOR EACH ROW EXECUTE FUNCTION test_refuse_effect()");
        sql("INSERT INTO test_refused_effect VALUES (?, ?) ON CONFLICT DO NOTHING", dedupeKey, what.name());
    }

    public void allowEffect(String dedupeKey) throws Exception {
        sql("DELETE FROM test_refused_effect WHERE dedupe_key = ?", dedupeKey);
    }

    public void sql(String statement, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }

    public long count(String query, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
