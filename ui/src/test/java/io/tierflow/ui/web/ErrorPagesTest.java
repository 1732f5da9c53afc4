package io.tierflow.ui.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tierflow.core.error.Problem;
import io.tierflow.core.identity.Role;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.ui.testing.PageClient;

/** Browsers get errors as a page in their language; scripts under /api keep problem+json. */
@QuarkusTest
class ErrorPagesTest {

    /** Endpoints that fail on purpose; test classes are part of the test application. */
    @Path("/")
    public static class Failing {

        @GET
        @Path("test-errors/problem")
        @Produces(MediaType.TEXT_HTML)
        public String page() {
            throw Problem.notFound("core.token.not-found", 42);
        }

        @GET
        @Path("test-errors/boom")
        @Produces(MediaType.TEXT_HTML)
        public String boom() {
            throw new IllegalStateException("boom");
        }

    }

    /** Its own class: JAX-RS picks the class by the longest matching path, so "/" would never see /api/... */
    @Path("/api/test-errors")
    public static class FailingApi {

        @GET
        @Path("problem")
        @Produces(MediaType.APPLICATION_JSON)
        public String api() {
            throw Problem.notFound("core.token.not-found", 42);
        }
    }

    @jakarta.inject.Inject
    UserDirectory users;

    String session;

    @BeforeEach
    void login() {
        users.ensureUser("ui-errors", "错误页", "secret-pass", Role.ADMIN, null).await().indefinitely();
        session = PageClient.login("ui-errors", "secret-pass");
    }

    @Test
    void pageErrorsAreHtmlInTheUsersLanguage() {
        given().cookie("tierflow_session", session).accept("text/html,application/xhtml+xml").get("/test-errors/problem")
                .then().statusCode(404).contentType(startsWith("text/html"))
                .body(containsString("API 令牌 42 不存在"), containsString("错误页"), containsString("class=\"status-code\">404"));
        given().cookie("tierflow_session", session).accept("text/html").get("/test-errors/boom")
                .then().statusCode(500).contentType(startsWith("text/html"))
                .body(containsString("服务器出错"), not(containsString("IllegalStateException")));
        given().cookie("tierflow_session", session).header("HX-Request", "true").get("/test-errors/problem")
                .then().statusCode(404).body(startsWith("<div class=\"alert alert-error\""));
    }

    @Test
    void unknownPagesAndWrongMethodsAreHtml() {
        given().cookie("tierflow_session", session).accept("text/html").get("/no-such-page")
                .then().statusCode(404).contentType(startsWith("text/html")).body(containsString("<h1>未找到</h1>"));
        given().cookie("tierflow_session", session).accept("text/html").put("/forms")
                .then().statusCode(405).contentType(startsWith("text/html"));
    }

    @Test
    void apiErrorsStayProblemJson() {
        given().cookie("tierflow_session", session).accept("text/html, application/json;q=0.9").get("/api/test-errors/problem")
                .then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("code", org.hamcrest.Matchers.equalTo("core.token.not-found"));
    }
}
