package io.tierflow.flow;

import io.tierflow.core.TestUsers;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import jakarta.inject.Inject;

import org.flowable.engine.TaskService;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tierflow.core.identity.Role;
import io.tierflow.core.identity.UserDirectory;

/** process.start effects → one Flowable process per effect, with the task at the right approver. */
@QuarkusTest
class ProcessStartTest {

    @Inject
    ApprovalFixture world;

    @Inject
    TaskService tasks;

    @Inject
    UserDirectory users;

    @BeforeEach
    void users() {
        world.ensureUsers();
    }

    @Test
    void aTierEntryGivesTheOwnersTeamManagerOneTaskAndTheRepNone() throws Exception {
        long record = world.newRecordId();
        String key = world.requestApproval(world.northRep, record);
        world.drain();

        assertEquals("DONE", world.effect(key).get("status"));
        TestUsers.as("mgr_north").get("/api/tasks").then().statusCode(200)
                .body("findAll { it.recordId == " + record + " }", hasSize(1))
                .body("find { it.recordId == " + record + " }.name", equalTo("审批 / Approval"))
                .body("find { it.recordId == " + record + " }.processKey", equalTo("tier_approval"))
                .body("find { it.recordId == " + record + " }.formId", equalTo((int) ApprovalFixture.FORM_ID))
                .body("find { it.recordId == " + record + " }.formKey", equalTo("customer"))
                .body("find { it.recordId == " + record + " }.formName", equalTo("客户"))
                .body("find { it.recordId == " + record + " }.title", equalTo("华东电气 #" + record))
                .body("find { it.recordId == " + record + " }.tier", equalTo("A"));
        TestUsers.as("rep_north").get("/api/tasks").then().statusCode(200).body("$", empty());
        TestUsers.as("mgr_south").get("/api/tasks").then().statusCode(200)
                .body("findAll { it.recordId == " + record + " }", empty());
        Task task = world.openTask(record);
        assertEquals(String.valueOf(world.northManager.id()), task.getAssignee());
        assertEquals(1, world.processCount(record));
    }

    @Test
    void theSameStartEffectEnqueuedTwiceAndDrainedTwiceStartsOneProcess() throws Exception {
        long record = world.newRecordId();
        String key = world.requestApproval(world.northRep, record);
        world.requestApproval(world.northRep, record);
        world.drain();
        world.drain();
        assertEquals(1, world.processCount(record));

        // an admin re-queues the effect although it was applied: the history guard holds
        world.sql("UPDATE effect SET status = 'PENDING', done_at = NULL WHERE dedupe_key = ?", key);
        world.drain();
        assertEquals("DONE", world.effect(key).get("status"));
        assertEquals(1, world.processCount(record));
    }

    @Test
    void anOwnerWhoseTeamHasNoManagerSendsTheTaskToTheAdmins() throws Exception {
        long record = world.newRecordId();
        world.requestApproval(world.soloRep, record);
        world.drain();

        Task task = world.openTask(record);
        assertNull(task.getAssignee());
        assertEquals(1, tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType()) && Role.ADMIN.name().equals(l.getGroupId())).count());
        TestUsers.as("boss").get("/api/tasks").then().statusCode(200)
                .body("findAll { it.recordId == " + record + " }", hasSize(1));
        TestUsers.as("mgr_north").get("/api/tasks").then().statusCode(200)
                .body("findAll { it.recordId == " + record + " }", empty());
    }

    @Test
    void aManagersOwnRecordIsNotApprovedByThemButByTheAdmins() throws Exception {
        long record = world.newRecordId();
        world.requestApproval(world.northManager, record);
        world.drain();

        Task task = world.openTask(record);
        assertNull(task.getAssignee());
        assertEquals(java.util.List.of("ADMIN"), tasks.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId).toList());
    }

    @Test
    void aStartThatFailsLeavesTheEffectPendingForARetryAndNoProcess() throws Exception {
        long record = world.newRecordId();
        String key = "tier:" + ApprovalFixture.FORM_ID + ":" + record;
        world.enqueue(key, world.payload(world.northRep, record, "no_such_process"));
        world.drain();

        Map<String, Object> effect = world.effect(key);
        assertNotNull(effect);
        assertEquals("PENDING", effect.get("status"));
        assertEquals(1, effect.get("attempts"));
        assertEquals(0, world.processCount(record));
    }

    @Test
    void aStartWhoseEffectCannotBeMarkedDoneLeavesNoProcessBehind() throws Exception {
        long record = world.newRecordId();
        String key = "tier:" + ApprovalFixture.FORM_ID + ":" + record;
        world.refuseEffect(key, ApprovalFixture.Refuse.DONE);
        try {
            world.requestApproval(world.northRep, record);
            world.drain(); // the process is started, then marking the effect done fails: both roll back
            assertEquals(0, world.processCount(record));
            assertEquals("PENDING", world.effect(key).get("status"));
            assertEquals(1, world.effect(key).get("attempts"));
        } finally {
            world.allowEffect(key);
        }
        world.sql("UPDATE effect SET next_attempt_at = now() WHERE dedupe_key = ?", key);
        world.drain();
        assertEquals("DONE", world.effect(key).get("status"));
        assertEquals(1, world.processCount(record));
    }
}
