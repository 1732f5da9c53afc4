package io.tierflow.ui.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tierflow.core.identity.Role;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.ui.testing.PageClient;
import io.tierflow.ui.web.Csrf;

@QuarkusTest
class LoginPageTest {

    static final String USER = "ui-login";
    static final String PASSWORD = "secret-pass";

    @Inject
    UserDirectory users;

    @BeforeEach
    void user() {
        users.ensureUser(USER, "李雷", PASSWORD, Role.SALES, null).await().indefinitely();
    }

    @Test
    void loginPageIsChineseByDefault() {
        given().get("/login").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .body(containsString("<html lang=\"zh-CN\">"), containsString("用户名"), containsString("name=\"_csrf\""),
                        not(containsString("href=\"/forms\""))) // no nav before login
                .cookie(Csrf.COOKIE);
    }

    @Test
    void loginPageFollowsTheLanguageCookieAndAcceptLanguage() {
        given().cookie("tierflow_lang", "en").get("/login").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"), containsString("Username"), containsString(">中文<"));
        given().header("Accept-Language", "en-US,en;q=0.9").get("/login").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"), containsString("Welcome to Tierflow"));
        given().header("Accept-Language", "en-US").cookie("tierflow_lang", "zh-CN").get("/login").then()
                .body(containsString("<html lang=\"zh-CN\">"));
    }

    @Test
    void wrongPasswordShowsTheErrorAndKeepsTheUsername() {
        String token = PageClient.csrfToken();
        PageClient.form(token).formParam("username", USER).formParam("password", "wrong-pass").formParam("next", "/inbox")
                .post("/login").then().statusCode(401)
                .body(containsString("用户名或密码错误"), containsString("value=\"" + USER + "\""),
                        containsString("name=\"next\" value=\"/inbox\""), not(containsString("wrong-pass")));
        PageClient.form(token).cookie("tierflow_lang", "en").formParam("username", USER).formParam("password", "wrong-pass")
                .post("/login").then().statusCode(401).body(containsString("Wrong username or password"));
    }

    @Test
    void missingFieldIsShownUnderTheField() {
        PageClient.form(PageClient.csrfToken()).formParam("username", "").formParam("password", "x")
                .post("/login").then().statusCode(400)
                .body(containsString("class=\"field has-error\""), containsString("class=\"field-error\" id=\"f-username-error\">此项为必填"));
    }

    @Test
    void postsWithoutTheRightCsrfTokenAreRejected() {
        String token = PageClient.csrfToken();
        given().redirects().follow(false).formParam("username", USER).formParam("password", PASSWORD)
                .post("/login").then().statusCode(403).body(containsString("页面已过期"));
        given().redirects().follow(false).cookie(Csrf.COOKIE, token).formParam(Csrf.FIELD, token.substring(1) + "x")
                .formParam("username", USER).formParam("password", PASSWORD)
                .post("/login").then().statusCode(403).header("Set-Cookie", not(containsString("tierflow_session")));
        given().redirects().follow(false).formParam(Csrf.FIELD, token).formParam("lang", "en")
                .post("/lang").then().statusCode(403); // the field alone is not enough: the cookie must match
        given().redirects().follow(false).cookie(Csrf.COOKIE, token).header(Csrf.HEADER, token).formParam("lang", "en")
                .post("/lang").then().statusCode(303); // htmx sends the header instead of the field
        given().redirects().follow(false).cookie(Csrf.COOKIE, token).multiPart(Csrf.FIELD, token).multiPart("lang", "en")
                .post("/lang").then().statusCode(303); // multipart forms work too
    }

    @Test
    void loginRedirectsToLocalNextOnly() {
        String token = PageClient.csrfToken();
        for (String evil : new String[] { "//evil.com", "https://evil.com/x", "/\\evil.com", "/login", "" }) {
            PageClient.form(token).formParam("username", USER).formParam("password", PASSWORD).formParam("next", evil)
                    .post("/login").then().statusCode(303)
                    .header("Location", allOf(not(containsString("evil")), endsWith("/")))
                    .cookie("tierflow_session");
        }
        PageClient.form(token).formParam("username", USER).formParam("password", PASSWORD).formParam("next", "/inbox?x=1")
                .post("/login").then().statusCode(303).header("Location", equalTo("/inbox?x=1"));
    }

    @Test
    void pagesNeedALoginAndShowTheUser() {
        given().redirects().follow(false).get("/forms").then().statusCode(302)
                .header("Location", startsWith("/login?next=%2Fforms"));
        given().redirects().follow(false).get("/").then().statusCode(302);
        String session = PageClient.login(USER, PASSWORD);
        given().redirects().follow(false).cookie("tierflow_session", session).get("/").then().statusCode(303)
                .header("Location", "/forms");
        given().cookie("tierflow_session", session).get("/forms").then().statusCode(200)
                .body(containsString("李雷"), containsString("href=\"/inbox\""), containsString("action=\"/logout\""),
                        containsString("class=\"active\" aria-current=\"page\">表单"), containsString("hx-headers=\"{&quot;X-CSRF-Token&quot;:"));
        given().redirects().follow(false).cookie("tierflow_session", session).get("/login?next=/inbox").then()
                .statusCode(303).header("Location", "/inbox");
    }

    @Test
    void logoutEndsTheSession() {
        String session = PageClient.login(USER, PASSWORD);
        String token = PageClient.csrfToken();
        PageClient.form(token).cookie("tierflow_session", session).post("/logout").then().statusCode(303)
                .header("Location", "/login");
        given().redirects().follow(false).cookie("tierflow_session", session).get("/forms").then().statusCode(302);
    }

    @Test
    void languageSwitchSetsTheCookieAndTheUsersSetting() {
        String token = PageClient.csrfToken();
        PageClient.form(token).formParam("lang", "en").formParam("next", "/login?next=%2Finbox").post("/lang").then()
                .statusCode(303).header("Location", "/login?next=%2Finbox").cookie("tierflow_lang", "en");
        PageClient.form(token).formParam("lang", "en").formParam("next", "//evil.com").post("/lang").then()
                .statusCode(303).header("Location", "/");

        var user = users.ensureUser("ui-lang", "韩梅梅", PASSWORD, Role.MANAGER, null).await().indefinitely();
        String session = PageClient.login("ui-lang", PASSWORD);
        PageClient.form(token).cookie("tierflow_session", session).formParam("lang", "en").formParam("next", "/inbox")
                .post("/lang").then().statusCode(303);
        org.junit.jupiter.api.Assertions.assertEquals("en", users.findById(user.id()).await().indefinitely().orElseThrow().locale());
        // the user's setting beats the cookie and the browser's language
        given().cookie("tierflow_session", session).cookie("tierflow_lang", "zh-CN").get("/inbox").then()
                .body(containsString("<html lang=\"en\">"), containsString(">Dashboard<"));
        PageClient.form(token).cookie("tierflow_session", session).formParam("lang", "zh-CN").post("/lang").then().statusCode(303);
    }
}
