package io.tierflow.flow;

import io.tierflow.core.TestUsers;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Approve and reject: who may, what they must give, and what the decision writes. */
@QuarkusTest
class TaskDecisionTest {

    @jakarta.inject.Inject
    io.tierflow.flow.history.ProcessQueries history;


    @Inject
    ApprovalFixture world;

    @Inject
    TaskService tasks;

    @BeforeEach
    void users() {
        world.ensureUsers();
    }

    private String openNorthTask(long record) throws Exception {
        world.requestApproval(world.northRep, record);
        world.drain();
        return world.openTask(record).getId();
    }

    @Test
    void anotherTeamsManagerOrTheRepGets404AsIfTheTaskDidNotExist() throws Exception {
        long record = world.newRecordId();
        String task = openNorthTask(record);

        for (String stranger : new String[] { "mgr_south", "rep_north" }) {
            TestUsers.as(stranger).contentType(ContentType.JSON).body("{\"comment\":\"ok\"}")
                    .post("/api/tasks/" + task + "/approve")
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("code", equalTo("flow.task.not-found"));
        }
        TestUsers.as("mgr_south").contentType(ContentType.JSON).body("{\"comment\":\"no\"}")
                .post("/api/tasks/" + task + "/reject").then().statusCode(404);
        TestUsers.as("mgr_north").contentType(ContentType.JSON).body("{}")
                .post("/api/tasks/no-such-task/approve").then().statusCode(404).body("code", equalTo("flow.task.not-found"));
        assertNotNull(world.openTask(record), "the task is untouched");
        assertNull(world.effect("task:" + task));
    }

    @Test
    void rejectingWithoutACommentIsAFieldErrorOnComment() throws Exception {
        long record = world.newRecordId();
        String task = openNorthTask(record);

        TestUsers.as("mgr_north").contentType(ContentType.JSON).body("{\"comment\":\"   \"}")
                .post("/api/tasks/" + task + "/reject")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("comment"))
                .body("errors[0].code", equalTo("flow.task.comment-required"))
                .body("errors[0].message", equalTo("Give a reason for rejecting"));
        TestUsers.as("mgr_north").header("Accept-Language", "zh-CN").contentType(ContentType.JSON).body("{}")
                .post("/api/tasks/" + task + "/reject")
                .then().statusCode(400).body("errors[0].field", equalTo("comment"));
        TestUsers.as("mgr_north").post("/api/tasks/" + task + "/reject")
                .then().statusCode(400).body("errors[0].field", equalTo("comment"));
        assertNotNull(world.openTask(record), "the task is still open");
    }

    @Test
    void approvingCompletesTheTaskAuditsItAndQueuesTheRecordUpdate() throws Exception {
        long record = world.newRecordId();
        String task = openNorthTask(record);

        TestUsers.as("mgr_north").contentType(ContentType.JSON).body("{\"comment\":\"大客户，同意\"}")
                .post("/api/tasks/" + task + "/approve")
                .then().statusCode(200).body("taskId", equalTo(task)).body("outcome", equalTo("approved"));

        assertNull(world.openTask(record));
        TestUsers.as("mgr_north").get("/api/tasks").then().statusCode(200)
                .body("findAll { it.recordId == " + record + " }", empty());
        Map<String, Object> effect = world.effect("task:" + task);
        assertEquals("record.update", effect.get("kind"));
        assertEquals(Map.of("formId", (int) ApprovalFixture.FORM_ID, "recordId", (int) record,
                "values", Map.of("approval_status", "approved"), "actorId", (int) world.northManager.id(),
                "comment", "大客户，同意", "taskId", task), effect.get("payload"));
        assertEquals(1, world.count("SELECT count(*) FROM audit_log WHERE action = 'task.approved' AND entity = ?"
                + " AND entity_id = ? AND actor_id = ? AND detail->>'taskId' = ?",
                "rec_" + ApprovalFixture.FORM_ID, String.valueOf(record), world.northManager.id(), task));

        // acting twice finds nothing: the decision was made once
        TestUsers.as("mgr_north").contentType(ContentType.JSON).body("{}")
                .post("/api/tasks/" + task + "/approve").then().statusCode(404);
    }

    @Test
    void approvingWithoutABodyOrCommentIsAllowed() throws Exception {
        long record = world.newRecordId();
        String task = openNorthTask(record);

        // a bare POST, as a button in a page would send it
        TestUsers.as("mgr_north").post("/api/tasks/" + task + "/approve").then().statusCode(200);
        assertEquals("", ((Map<?, ?>) world.effect("task:" + task).get("payload")).get("comment"));
    }

    @Test
    void rejectingWritesRejectedToTheStatusFieldWithTheReason() throws Exception {
        long record = world.newRecordId();
        String task = openNorthTask(record);

        TestUsers.as("mgr_north").contentType(ContentType.JSON).body("{\"comment\":\"资料不全\"}")
                .post("/api/tasks/" + task + "/reject").then().statusCode(200).body("outcome", equalTo("rejected"));
        Map<?, ?> payload = (Map<?, ?>) world.effect("task:" + task).get("payload");
        assertEquals(Map.of("approval_status", "rejected"), payload.get("values"));
        assertEquals("资料不全", payload.get("comment"));

        // the same from an HTML form
        long other = world.newRecordId();
        String second = openNorthTask(other);
        TestUsers.as("mgr_north").contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("comment", "重复客户").post("/api/tasks/" + second + "/reject")
                .then().statusCode(200).body("outcome", equalTo("rejected"));
        assertEquals("重复客户", ((Map<?, ?>) world.effect("task:" + second).get("payload")).get("comment"));
    }

    @Test
    void anAdminMayActOnATaskOfferedToTheAdminGroup() throws Exception {
        long record = world.newRecordId();
        world.requestApproval(world.soloRep, record);
        world.drain();
        String task = world.openTask(record).getId();

        TestUsers.as("mgr_north").contentType(ContentType.JSON).body("{}")
                .post("/api/tasks/" + task + "/approve").then().statusCode(404);
        TestUsers.as("boss").contentType(ContentType.JSON).body("{}")
                .post("/api/tasks/" + task + "/approve").then().statusCode(200);
        assertEquals(Map.of("approval_status", "approved"),
                ((Map<?, ?>) world.effect("task:" + task).get("payload")).get("values"));
    }

    @Test
    void theRecordsHistoryShowsTheProcessItsTaskTheDecisionAndTheComment() throws Exception {
        long record = world.newRecordId();
        String task = openNorthTask(record);
        TestUsers.as("mgr_north").contentType(ContentType.JSON).body("{\"comment\":\"资料不全\"}")
                .post("/api/tasks/" + task + "/reject").then().statusCode(200);

        // the REST view under /api/forms/{form}/records/{id}/processes adds the record check; see the ui path test
        List<Map<String, Object>> processes = history.processesOf(ApprovalFixture.FORM_ID, record);
        assertEquals(1, processes.size());
        Map<String, Object> p = processes.get(0);
        assertEquals("tier_approval", p.get("processKey"));
        assertEquals("客户 · 华东电气 #" + record, p.get("name"));
        assertEquals("completed", p.get("status"));
        assertEquals("rejected", p.get("outcome"));
        assertEquals("rep_north", p.get("startedByName"));
        Map<?, ?> t = (Map<?, ?>) ((List<?>) p.get("tasks")).get(0);
        assertEquals(task, t.get("id"));
        assertEquals("mgr_north", t.get("assigneeName"));
        assertEquals("rejected", t.get("outcome"));
        Map<?, ?> comment = (Map<?, ?>) ((List<?>) t.get("comments")).get(0);
        assertEquals("资料不全", comment.get("message"));
        assertEquals("mgr_north", comment.get("userName"));
        assertEquals(List.of(), history.processesOf(ApprovalFixture.FORM_ID, 999999));
    }

    @Test
    void theInboxNeedsALogin() {
        io.restassured.RestAssured.given().get("/api/tasks").then().statusCode(401).body("code", equalTo("core.auth.required"));
    }


    @Test
    void aDecisionWhoseEffectCannotBeWrittenLeavesTheTaskOpenWithoutCommentOrAudit() throws Exception {
        long record = world.newRecordId();
        String task = openNorthTask(record);
        world.refuseEffect("task:" + task, ApprovalFixture.Refuse.INSERT);
        try {
            TestUsers.as("mgr_north").contentType(ContentType.JSON).body("{\"comment\":\"同意\"}")
                    .post("/api/tasks/" + task + "/approve").then().statusCode(500);
        } finally {
            world.allowEffect("task:" + task);
        }
        assertNotNull(world.openTask(record), "the completion rolled back with the effect");
        assertEquals(0, tasks.getTaskComments(task).size());
        assertEquals(0, world.count("SELECT count(*) FROM audit_log WHERE detail->>'taskId' = ?", task));

        TestUsers.as("mgr_north").contentType(ContentType.JSON).body("{\"comment\":\"同意\"}")
                .post("/api/tasks/" + task + "/approve").then().statusCode(200);
        assertEquals(1, tasks.getTaskComments(task).size());
    }
}
