package io.tierflow.form.api;

import static io.tierflow.core.TestUsers.json;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import io.tierflow.form.trigger.CreateTaskAction;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The create_task trigger action: checked when the rules are saved, a task.create effect per firing. */
@QuarkusTest
class CreateTaskTriggerTest {

    @Inject
    UserDirectory users;

    @Inject
    AgroalDataSource db;

    @Test
    void badTaskParametersAreRefusedWithTheirPathsAndNothingIsSaved() {
        FormFixtures.people(users);
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "task_bad");

        json("east_mgr").body("""
                [{"id":"call_back","name":"回访","when":"create","actions":[
                  {"type":"create_task","assignee":"boss","dueDays":400},
                  {"type":"create_task","title":"%s","assignee":"owner","dueDays":1.5},
                  {"type":"create_task","title":"  ","assignee":"SALES","dueDays":"3"}]}]""".formatted("长".repeat(201)))
                .put("/api/forms/task_bad/triggers").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder(
                        "triggers[0].actions[0].title", "triggers[0].actions[0].assignee", "triggers[0].actions[0].dueDays",
                        "triggers[0].actions[1].title", "triggers[0].actions[1].dueDays",
                        "triggers[0].actions[2].title", "triggers[0].actions[2].dueDays"))
                .body("errors.message", hasItem("Assign the task to \"owner\", \"manager\" or a role (ADMIN, MANAGER, SALES)."))
                .body("errors.message", hasItem("Due days must be a whole number from 0 to 365."));
        io.restassured.RestAssured.given().cookie("tierflow_session", TestUsers.login("east_mgr"))
                .header("Accept-Language", "zh-CN").contentType(ContentType.JSON)
                .body("[{\"id\":\"t\",\"when\":\"create\",\"actions\":[{\"type\":\"create_task\",\"assignee\":\"owner\"}]}]")
                .put("/api/forms/task_bad/triggers").then().statusCode(400)
                .body("errors[0].field", equalTo("triggers[0].actions[0].title"))
                .body("errors[0].message", equalTo("请填写任务标题（最多 200 个字符）。"));
        json("east_mgr").get("/api/forms/task_bad/triggers").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aFiringRuleEnqueuesOneTaskCreateEffectWithTheRecordAndTheTask() throws Exception {
        FormFixtures.People people = FormFixtures.people(users);
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "task_ok");
        json("east_mgr").body("""
                [{"id":"call_back","name":"回访","when":"create_or_update","fields":["revenue"],"condition":"revenue >= 100",
                  "actions":[{"type":"create_task","title":" 回访客户 ","assignee":"manager","dueDays":3},
                             {"type":"create_task","title":"准备方案","assignee":"SALES"}]}]""")
                .put("/api/forms/task_ok/triggers").then().statusCode(200).body("id", hasItem("call_back"));

        int small = json("east_rep").body("{\"values\":{\"name\":\"小商户\",\"revenue\":5}}").post("/api/forms/task_ok/records")
                .then().statusCode(201).extract().path("id");
        int big = json("east_rep").body("{\"values\":{\"name\":\"宁波港务\",\"revenue\":150}}").post("/api/forms/task_ok/records")
                .then().statusCode(201).extract().path("id");

        assertEquals(List.of(), effects(small), "the condition did not hold");
        List<Map<String, Object>> effects = effects(big);
        assertEquals(2, effects.size());
        long formId = Long.parseLong(rows("SELECT id FROM form WHERE key = 'task_ok'").get(0));
        Map<String, Object> first = effects.get(0);
        String dedupe = "trigger:" + formId + ":" + big + ":call_back:1";
        assertEquals(dedupe + ":0", first.get("dedupeKey"));
        assertEquals("PENDING", first.get("status"));
        Map<?, ?> payload = (Map<?, ?>) first.get("payload");
        assertEquals(formId, ((Number) payload.get("formId")).longValue());
        assertEquals("task_ok", payload.get("formKey"));
        assertEquals("客户", payload.get("formName"));
        assertEquals(big, payload.get("recordId"));
        assertEquals("宁波港务", payload.get("title"));
        assertEquals(people.rep().id(), ((Number) payload.get("ownerId")).longValue());
        assertEquals("回访客户", payload.get("taskTitle"));
        assertEquals("manager", payload.get("assignee"));
        assertEquals(3, payload.get("dueDays"));
        // due at the end of the third day from now, in the server's (the team's) zone
        ZonedDateTime due = OffsetDateTime.parse((String) payload.get("dueAt")).atZoneSameInstant(ZoneId.systemDefault());
        assertEquals(LocalDate.now().plusDays(3), due.toLocalDate());
        assertEquals(LocalTime.of(23, 59), due.toLocalTime());

        Map<?, ?> second = (Map<?, ?>) effects.get(1).get("payload");
        assertEquals(dedupe + ":1", effects.get(1).get("dedupeKey"));
        assertEquals("准备方案", second.get("taskTitle"));
        assertEquals("SALES", second.get("assignee"));
        assertEquals(null, second.get("dueDays"));
        assertEquals(null, second.get("dueAt"));

        // a write that does not touch revenue does not fire again
        json("east_rep").body("{\"version\":1,\"values\":{\"visits\":2}}").patch("/api/forms/task_ok/records/" + big)
                .then().statusCode(200);
        assertEquals(2, effects(big).size());
    }

    private List<Map<String, Object>> effects(int recordId) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT dedupe_key, status, payload::text FROM effect WHERE kind = ?"
                        + " AND payload->>'formKey' = 'task_ok' AND (payload->>'recordId')::bigint = ? ORDER BY dedupe_key")) {
            ps.setString(1, CreateTaskAction.KIND);
            ps.setLong(2, recordId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Map.of("dedupeKey", rs.getString(1), "status", rs.getString(2),
                            "payload", new ObjectMapper().readValue(rs.getString(3), new TypeReference<Map<String, Object>>() {
                            })));
                }
            }
        }
        return out;
    }

    private List<String> rows(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
