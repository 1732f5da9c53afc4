package io.tierflow.form.api;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole shared hostile corpus through the API in the places a builder writes formulas besides computed fields
 * and tier rules (FormResourceTest): as a workflow condition (the condition of a trigger that starts a process),
 * as a score dimension, and as a lifecycle stage. Each is answered 400 at its path, and nothing it tries happens.
 */
@QuarkusTest
class HostileFormulaPlacesTest {

    @Inject
    UserDirectory users;

    static RequestSpecification asManager() {
        return TestUsers.as("east_mgr").contentType(ContentType.JSON);
    }

    @Test
    void everyHostileRowIsRejectedAsAWorkflowConditionAScoreAndAStage() throws Exception {
        FormFixtures.people(users);
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "hostile_places");
        List<String> rows = FormResourceTest.hostileRows(Integer.MAX_VALUE);
        for (String formula : rows) {
            String quoted = TextNode.valueOf(formula).toString();
            asManager().body("""
                    [{"id":"approve","name":"审批","when":"update","condition":%s,
                      "actions":[{"type":"start_process","process":"tier_approval"}]}]""".formatted(quoted))
                    .put("/api/forms/hostile_places/triggers").then().statusCode(400)
                    .body("errors.field", hasItem("triggers[0].condition"));
            asManager().body("""
                    {"tierModel":{"scores":[{"key":"s","label":"s","kind":"weighted","dimensions":[
                      {"key":"d","label":"d","weight":1,"formula":%s}]}],"rules":[{"tier":"A","condition":"s > 1"}]}}""".formatted(quoted))
                    .put("/api/forms/hostile_places/tiering").then().statusCode(400)
                    .body("errors.field", hasItem("tierModel.scores[0].dimensions[0].formula"));
            asManager().body("""
                    {"tierModel":{"rules":[{"tier":"A","condition":"true"}],"stages":[{"stage":"x","condition":%s}]}}""".formatted(quoted))
                    .put("/api/forms/hostile_places/tiering").then().statusCode(400)
                    .body("errors.field", hasItem("tierModel.stages[0].condition"));
        }
        assertFalse(Files.exists(Path.of("/tmp/tierflow-hostile-mark")), "a hostile formula left its mark");
    }
}
