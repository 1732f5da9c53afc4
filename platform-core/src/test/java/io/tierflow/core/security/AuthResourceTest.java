package io.tierflow.core.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.Role;
import io.tierflow.core.identity.UserDirectory;

@QuarkusTest
class AuthResourceTest {

    @Inject
    UserDirectory users;

    @BeforeEach
    void users() {
        TestUsers.ensure(users, "alice", Role.SALES, "East");
    }

    @Test
    void loginSetsAnHttpOnlySessionCookieThatIdentifiesTheUser() {
        String header = given().contentType(ContentType.JSON)
                .body("{\"username\":\"alice\",\"password\":\"" + TestUsers.PASSWORD + "\"}")
                .post("/api/auth/login")
                .then().statusCode(200).body("username", equalTo("alice")).body("role", equalTo("SALES"))
                .extract().header("Set-Cookie");
        org.junit.jupiter.api.Assertions.assertTrue(header.contains("HttpOnly"), header);
        org.junit.jupiter.api.Assertions.assertTrue(header.toLowerCase().contains("samesite=lax"), header);

        String session = TestUsers.login("alice");
        given().cookie("tierflow_session", session).get("/api/me")
                .then().statusCode(200).body("username", equalTo("alice"));
    }

    @Test
    void wrongPasswordIsAProblemInTheCallersLanguage() {
        given().contentType(ContentType.JSON).header("Accept-Language", "zh-CN,zh;q=0.9")
                .body("{\"username\":\"alice\",\"password\":\"nope-nope\"}")
                .post("/api/auth/login")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("core.auth.bad-credentials")).body("title", equalTo("用户名或密码错误"));
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"username\":\"nobody\",\"password\":\"nope-nope\"}")
                .post("/api/auth/login")
                .then().statusCode(401).body("title", equalTo("Wrong username or password"));
    }

    @Test
    void missingFieldsNameTheField() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"username\":\"alice\"}")
                .post("/api/auth/login")
                .then().statusCode(400).body("errors[0].field", equalTo("password"))
                .body("errors[0].message", equalTo("This field is required"));
    }

    @Test
    void apiWithoutCredentialsAnswers401AndPagesRedirectToLogin() {
        given().get("/api/me").then().statusCode(401);
        given().header("Authorization", "Bearer tf_forged").get("/api/me").then().statusCode(401);
    }

    @Test
    void personalApiTokensWorkUntilRevoked() {
        String session = TestUsers.login("alice");
        String token = given().cookie("tierflow_session", session).contentType(ContentType.JSON)
                .body("{\"name\":\"script\"}").post("/api/me/tokens")
                .then().statusCode(201).body("token", startsWith("tf_")).extract().path("token");
        int id = given().header("Authorization", "Bearer " + token).get("/api/me/tokens")
                .then().statusCode(200).body("name", hasItem("script")).body("token", not(hasItem(token)))
                .extract().path("find { it.name == 'script' }.id");
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200).body("username", equalTo("alice"));
        given().cookie("tierflow_session", session).delete("/api/me/tokens/" + id).then().statusCode(204);
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(401);
    }

    @Test
    void logoutEndsTheSession() {
        String session = TestUsers.login("alice");
        given().cookie("tierflow_session", session).post("/api/auth/logout")
                .then().statusCode(204).header("Set-Cookie", containsString("Max-Age=0"));
        given().cookie("tierflow_session", session).get("/api/me").then().statusCode(401);
    }

    @Test
    void userLanguageSettingWinsOverAcceptLanguage() {
        String session = TestUsers.login("alice");
        given().cookie("tierflow_session", session).contentType(ContentType.JSON).body("{\"locale\":\"klingon\"}")
                .header("Accept-Language", "en").patch("/api/me")
                .then().statusCode(400).body("errors[0].field", equalTo("locale"));
        given().cookie("tierflow_session", session).contentType(ContentType.JSON).body("{\"locale\":\"zh-CN\"}")
                .patch("/api/me").then().statusCode(200).body("locale", equalTo("zh-CN"));
        given().cookie("tierflow_session", session).contentType(ContentType.JSON).body("{\"locale\":\"klingon\"}")
                .header("Accept-Language", "en").patch("/api/me")
                .then().statusCode(400).body("errors[0].message", equalTo("语言必须是以下之一：zh-CN, en"));
        given().cookie("tierflow_session", session).contentType(ContentType.JSON).body("{\"locale\":\"en\"}")
                .patch("/api/me").then().statusCode(200);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOldSessions() {
        TestUsers.ensure(users, "pw_changer", io.tierflow.core.identity.Role.SALES, null);
        String cookie = TestUsers.login("pw_changer");
        given().cookie("tierflow_session", cookie).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"currentPassword\":\"wrong-one\",\"newPassword\":\"another-pass\"}")
                .put("/api/me/password").then().statusCode(400).body("errors[0].field", equalTo("currentPassword"));
        given().cookie("tierflow_session", cookie).contentType(ContentType.JSON)
                .body("{\"currentPassword\":\"" + TestUsers.PASSWORD + "\",\"newPassword\":\"short\"}")
                .put("/api/me/password").then().statusCode(400).body("errors[0].field", equalTo("newPassword"));
        given().cookie("tierflow_session", cookie).contentType(ContentType.JSON)
                .body("{\"currentPassword\":\"" + TestUsers.PASSWORD + "\",\"newPassword\":\"another-pass\"}")
                .put("/api/me/password").then().statusCode(204);
        given().cookie("tierflow_session", cookie).get("/api/me").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"username\":\"pw_changer\",\"password\":\"another-pass\"}")
                .post("/api/auth/login").then().statusCode(200);
        users.setPassword("pw_changer", TestUsers.PASSWORD).await().indefinitely();
    }
}
