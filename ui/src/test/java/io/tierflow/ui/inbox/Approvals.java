package io.tierflow.ui.inbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;

/** Records and their approval tasks through the public API, as the inbox and dashboard tests set them up. */
public final class Approvals {

    private Approvals() {
    }

    public static RequestSpecification api(String user) {
        return given().cookie("tierflow_session", TestUsers.login(user)).contentType(ContentType.JSON);
    }

    /** Creates a record as {@code user}; {@code values} is the JSON object of field values. */
    public static int create(String user, String form, String values) {
        return api(user).body("{\"values\":" + values + "}").post("/api/forms/" + form + "/records")
                .then().statusCode(201).extract().path("id");
    }

    /** Waits until the journal has started the record's approval and it is in {@code user}'s tasks; returns the task id. */
    public static String awaitTask(String user, String form, int recordId) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            id[0] = api(user).get("/api/tasks").then().statusCode(200).extract().jsonPath()
                    .getString("find { it.formKey == '" + form + "' && it.recordId == " + recordId + " }.id");
            return id[0] != null;
        });
        return id[0];
    }

    public static String approvalStatus(String user, String form, int recordId) {
        return api(user).get("/api/forms/" + form + "/records/" + recordId).then().statusCode(200)
                .extract().path("values.approval_status");
    }
}
