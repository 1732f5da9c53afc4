package io.tierflow.form.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FormulaCheckResourceTest {

    static boolean formCreated;

    @Inject
    UserDirectory users;

    @BeforeEach
    void form() {
        FormFixtures.people(users);
        if (!formCreated) {
            FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), "cust_check");
            formCreated = true;
        }
    }

    @Test
    void aValidFormulaReportsItsTypeAndTheFieldsItReadsIncludingOtherFormulas() {
        TestUsers.as("east_rep").contentType(ContentType.JSON)
                .body("{\"form\":\"cust_check\",\"formula\":\"score >= 80 && revenue > 10\"}")
                .post("/api/formulas/check").then().statusCode(200)
                .body("type", equalTo("BOOLEAN")).body("fields", contains("score", "revenue"));
    }

    @Test
    void anInvalidFormulaNamesLineColumnAndReasonAndMvelNeverSeesIt() {
        TestUsers.as("east_rep").contentType(ContentType.JSON)
                .body("{\"form\":\"cust_check\",\"formula\":\"revenue.getClass()\"}")
                .post("/api/formulas/check").then().statusCode(400)
                .body("errors[0].field", equalTo("formula"))
                .body("line", equalTo(1)).body("column", equalTo(8))
                .body("errors[0].message", containsString("Member access"));
        TestUsers.as("east_rep").contentType(ContentType.JSON).body("{\"formula\":\"1\"}")
                .post("/api/formulas/check").then().statusCode(400).body("errors[0].field", equalTo("form"));
        TestUsers.as("east_rep").contentType(ContentType.JSON).body("{\"form\":\"cust_check\",\"formula\":\" \"}")
                .post("/api/formulas/check").then().statusCode(400).body("errors[0].field", equalTo("formula"));
    }
}
