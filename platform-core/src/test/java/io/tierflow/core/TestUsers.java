package io.tierflow.core;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.Role;
import io.tierflow.core.identity.UserDirectory;

/** Users for tests, created through the real directory, and logins through the real endpoint. */
public final class TestUsers {

    public static final String PASSWORD = "secret-pass";

    private TestUsers() {
    }

    public static Caller ensure(UserDirectory users, String username, Role role, String team) {
        Long teamId = team == null ? null : users.ensureTeam(team).await().indefinitely();
        return users.ensureUser(username, username, PASSWORD, role, teamId).await().indefinitely();
    }

    /** Makes {@code manager} the manager of {@code team}. */
    public static void manage(UserDirectory users, Caller manager, String team) {
        long teamId = users.ensureTeam(team).await().indefinitely();
        users.setTeamManager(teamId, manager.id()).await().indefinitely();
    }

    /** A request signed in as {@code username}, speaking English. */
    public static io.restassured.specification.RequestSpecification as(String username) {
        return given().cookie("tierflow_session", login(username)).header("Accept-Language", "en");
    }

    /** As {@link #as}, sending JSON. */
    public static io.restassured.specification.RequestSpecification json(String username) {
        return as(username).contentType(ContentType.JSON);
    }

    /** A request signed in as {@code username}, speaking Chinese, sending JSON. */
    public static io.restassured.specification.RequestSpecification zh(String username) {
        return given().cookie("tierflow_session", login(username)).header("Accept-Language", "zh-CN").contentType(ContentType.JSON);
    }

    /** Logs in and returns the session cookie's value. */
    public static String login(String username) {
        return given().contentType(ContentType.JSON)
                .body("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}")
                .post("/api/auth/login")
                .then().statusCode(200).extract().cookie("tierflow_session");
    }
}
