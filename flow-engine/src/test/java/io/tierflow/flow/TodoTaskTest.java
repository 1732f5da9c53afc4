package io.tierflow.flow;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.Role;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.core.journal.EffectJournal;
import io.tierflow.flow.todo.TodoTasks;
import io.tierflow.form.trigger.CreateTaskAction;

/**
 * task.create effects → one standalone to-do task each, for the owner, the owner's manager or a role; the inboxes
 * they show in; completing them. Uses its own team (todo_mgr, todo_rep) so the other tests' inboxes stay as they
 * expect; a task offered to SALES is completed before the test ends.
 */
@QuarkusTest
class TodoTaskTest {

    @Inject
    ApprovalFixture world;

    @Inject
    UserDirectory users;

    @Inject
    EffectJournal journal;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TaskService tasks;

    @Inject
    HistoryService history;

    Caller todoManager;
    Caller todoRep;

    @BeforeEach
    void users() {
        world.ensureUsers();
        todoManager = TestUsers.ensure(users, "todo_mgr", Role.MANAGER, "Todo");
        todoRep = TestUsers.ensure(users, "todo_rep", Role.SALES, "Todo");
        TestUsers.manage(users, todoManager, "Todo");
    }

    /** What form-engine's create_task action enqueues; returns the dedupe key. */
    private String requestTask(Caller owner, long record, String title, String assignee, Integer dueDays) throws Exception {
        String key = "trigger:" + ApprovalFixture.FORM_ID + ":" + record + ":call_back:1:0";
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("formId", ApprovalFixture.FORM_ID);
        p.put("formKey", "customer");
        p.put("formName", "客户");
        p.put("recordId", record);
        p.put("title", "宁波港务 #" + record);
        p.put("ownerId", owner.id());
        p.put("taskTitle", title);
        p.put("assignee", assignee);
        p.put("dueDays", dueDays);
        p.put("dueAt", dueDays == null ? null : OffsetDateTime.now(ZoneOffset.UTC).plusDays(dueDays).toString());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            journal.enqueue(c, CreateTaskAction.KIND, key, p);
            c.commit();
        }
        return key;
    }

    private List<Task> todos(String key) {
        return tasks.createTaskQuery().taskVariableValueEquals(TodoTasks.EFFECT, key).includeTaskLocalVariables().list();
    }

    private long everCreated(String key) {
        return history.createHistoricTaskInstanceQuery().taskVariableValueEquals(TodoTasks.EFFECT, key).count();
    }

    private static String find(long record) {
        return "find { it.recordId == " + record + " }";
    }

    @Test
    void anOwnerTaskIsOneStandaloneTaskInTheOwnersInboxWithItsRecordAndDueDate() throws Exception {
        long record = world.newRecordId();
        String key = requestTask(todoRep, record, "回访客户", "owner", 3);
        world.drain();

        assertEquals("DONE", world.effect(key).get("status"));
        List<Task> created = todos(key);
        assertEquals(1, created.size());
        Task task = created.get(0);
        assertEquals("回访客户", task.getName());
        assertNull(task.getProcessInstanceId(), "a to-do belongs to no process");
        assertEquals(TodoTasks.CATEGORY, task.getCategory());
        assertEquals(String.valueOf(todoRep.id()), task.getAssignee());
        Duration ahead = Duration.between(Instant.now(), task.getDueDate().toInstant());
        assertTrue(ahead.compareTo(Duration.ofDays(3).minusMinutes(5)) > 0 && ahead.compareTo(Duration.ofDays(3)) <= 0, ahead::toString);
        Map<String, Object> v = task.getTaskLocalVariables();
        assertEquals(ApprovalFixture.FORM_ID, v.get("formId"));
        assertEquals(record, v.get("recordId"));
        assertEquals("customer", v.get("formKey"));

        TestUsers.as("todo_rep").get("/api/tasks").then().statusCode(200)
                .body("findAll { it.recordId == " + record + " }", hasSize(1))
                .body(find(record) + ".id", equalTo(task.getId()))
                .body(find(record) + ".kind", equalTo("todo"))
                .body(find(record) + ".name", equalTo("回访客户"))
                .body(find(record) + ".title", equalTo("宁波港务 #" + record))
                .body(find(record) + ".formKey", equalTo("customer"))
                .body(find(record) + ".formName", equalTo("客户"))
                .body(find(record) + ".formId", equalTo((int) ApprovalFixture.FORM_ID))
                .body(find(record) + ".processKey", nullValue())
                .body(find(record) + ".dueAt", equalTo(task.getDueDate().toInstant().toString()));
        for (String other : new String[] { "todo_mgr", "mgr_north", "rep_north", "boss" }) {
            TestUsers.as(other).get("/api/tasks").then().statusCode(200).body("findAll { it.recordId == " + record + " }", empty());
        }
    }

    @Test
    void aManagerTaskGoesToTheOwnersTeamManagerOrToTheAdminsWhenTheTeamHasNone() throws Exception {
        long record = world.newRecordId();
        String key = requestTask(todoRep, record, "审核报价", "manager", 0);
        world.drain();
        assertEquals(String.valueOf(todoManager.id()), todos(key).get(0).getAssignee());
        TestUsers.as("todo_mgr").get("/api/tasks").then()
                .body(find(record) + ".kind", equalTo("todo")).body(find(record) + ".name", equalTo("审核报价"));
        TestUsers.as("todo_rep").get("/api/tasks").then().body("findAll { it.recordId == " + record + " }", empty());

        long unmanaged = world.newRecordId();
        String soloKey = requestTask(world.soloRep, unmanaged, "审核报价", "manager", null);
        world.drain();
        Task offered = todos(soloKey).get(0);
        assertNull(offered.getAssignee());
        assertNull(offered.getDueDate());
        assertEquals(List.of("ADMIN"), tasks.getIdentityLinksForTask(offered.getId()).stream()
                .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList());
        TestUsers.as("boss").get("/api/tasks").then().body("findAll { it.recordId == " + unmanaged + " }", hasSize(1))
                .body(find(unmanaged) + ".dueAt", nullValue());
        TestUsers.as("rep_solo").get("/api/tasks").then().body("findAll { it.recordId == " + unmanaged + " }", empty());
    }

    @Test
    void aRoleTaskIsOfferedToEveryoneWithTheRoleAndTheOneWhoCompletesItBecomesItsAssignee() throws Exception {
        long record = world.newRecordId();
        String key = requestTask(todoRep, record, "准备方案", "SALES", 7);
        world.drain();
        Task task = todos(key).get(0);
        try {
            assertNull(task.getAssignee());
            for (String rep : new String[] { "todo_rep", "rep_north", "rep_solo" }) {
                TestUsers.as(rep).get("/api/tasks").then().body("findAll { it.recordId == " + record + " }", hasSize(1));
            }
            for (String other : new String[] { "todo_mgr", "mgr_north" }) {
                TestUsers.as(other).get("/api/tasks").then().body("findAll { it.recordId == " + record + " }", empty());
            }
            TestUsers.as("todo_mgr").post("/api/tasks/" + task.getId() + "/complete").then().statusCode(404)
                    .body("code", equalTo("flow.task.not-found"));

            TestUsers.as("rep_north").post("/api/tasks/" + task.getId() + "/complete").then().statusCode(200)
                    .body("taskId", equalTo(task.getId())).body("outcome", equalTo("completed"));
            HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
            assertNotNull(done.getEndTime());
            assertEquals(String.valueOf(world.northRep.id()), done.getAssignee());
            TestUsers.as("todo_rep").get("/api/tasks").then().body("findAll { it.recordId == " + record + " }", empty());
        } finally {
            if (tasks.createTaskQuery().taskId(task.getId()).count() > 0) {
                tasks.deleteTask(task.getId(), true); // not left in the reps' inboxes for the other tests
            }
        }
    }

    @Test
    void theSameEffectEnqueuedTwiceOrRequeuedAfterItWasAppliedCreatesOneTask() throws Exception {
        long record = world.newRecordId();
        String key = requestTask(todoRep, record, "回访客户", "owner", 1);
        requestTask(todoRep, record, "回访客户", "owner", 1);
        world.drain();
        world.drain();
        assertEquals(1, everCreated(key));

        // an admin re-queues the applied effect: the task variable guard holds, open or completed
        world.sql("UPDATE effect SET status = 'PENDING', done_at = NULL WHERE dedupe_key = ?", key);
        world.drain();
        assertEquals("DONE", world.effect(key).get("status"));
        assertEquals(1, everCreated(key));

        TestUsers.as("todo_rep").post("/api/tasks/" + todos(key).get(0).getId() + "/complete").then().statusCode(200);
        world.sql("UPDATE effect SET status = 'PENDING', done_at = NULL WHERE dedupe_key = ?", key);
        world.drain();
        assertEquals(1, everCreated(key));
        assertEquals(List.of(), todos(key));
    }

    @Test
    void aTaskWhoseEffectCannotBeMarkedDoneIsNotCreated() throws Exception {
        long record = world.newRecordId();
        String key = "trigger:" + ApprovalFixture.FORM_ID + ":" + record + ":call_back:1:0";
        world.refuseEffect(key, ApprovalFixture.Refuse.DONE);
        try {
            requestTask(todoRep, record, "回访客户", "owner", 1);
            world.drain();
            assertEquals("PENDING", world.effect(key).get("status"));
            assertEquals(1, world.effect(key).get("attempts"));
            assertEquals(0, everCreated(key), "the task rolled back with the claim");
        } finally {
            world.allowEffect(key);
        }
        world.sql("UPDATE effect SET next_attempt_at = now() WHERE dedupe_key = ?", key);
        world.drain();
        assertEquals("DONE", world.effect(key).get("status"));
        assertEquals(1, everCreated(key));
    }

    @Test
    void theAssigneeCompletesATodoWhichIsAuditedUnderTheRecordAndStrangersGet404() throws Exception {
        long record = world.newRecordId();
        String key = requestTask(todoRep, record, "回访客户", "owner", 3);
        world.drain();
        String task = todos(key).get(0).getId();

        for (String stranger : new String[] { "todo_mgr", "rep_north", "mgr_south" }) {
            TestUsers.as(stranger).post("/api/tasks/" + task + "/complete").then().statusCode(404)
                    .contentType("application/problem+json").body("code", equalTo("flow.task.not-found"));
        }
        assertEquals(1, todos(key).size(), "the task is untouched");

        TestUsers.as("todo_rep").post("/api/tasks/" + task + "/complete").then().statusCode(200)
                .body("outcome", equalTo("completed"));
        assertEquals(List.of(), todos(key));
        TestUsers.as("todo_rep").get("/api/tasks").then().body("findAll { it.recordId == " + record + " }", empty());
        assertEquals(1, world.count("SELECT count(*) FROM audit_log WHERE action = 'task.completed' AND entity = ?"
                + " AND entity_id = ? AND actor_id = ? AND detail->>'taskId' = ?",
                "rec_" + ApprovalFixture.FORM_ID, String.valueOf(record), todoRep.id(), task));
        assertEquals("completed", history.createHistoricVariableInstanceQuery().taskId(task).variableName("outcome")
                .singleResult().getValue());

        // done once: a second completion finds nothing
        TestUsers.as("todo_rep").post("/api/tasks/" + task + "/complete").then().statusCode(404);
    }

    @Test
    void anApprovalTaskCannotBeCompletedOnlyDecided() throws Exception {
        long record = world.newRecordId();
        world.requestApproval(world.northRep, record);
        world.drain();
        String task = world.openTask(record).getId();

        TestUsers.as("mgr_north").get("/api/tasks").then().body(find(record) + ".kind", equalTo("approval"))
                .body(find(record) + ".dueAt", nullValue());
        TestUsers.as("mgr_north").post("/api/tasks/" + task + "/complete").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("flow.task.not-todo"))
                .body("title", equalTo("Task " + task + " is an approval: approve or reject it instead"));
        TestUsers.as("mgr_south").post("/api/tasks/" + task + "/complete").then().statusCode(404);
        assertNotNull(world.openTask(record), "the approval is still open");
        assertEquals(0, world.count("SELECT count(*) FROM audit_log WHERE detail->>'taskId' = ?", task));
    }
}
