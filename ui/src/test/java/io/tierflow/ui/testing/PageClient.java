package io.tierflow.ui.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.ui.web.Csrf;

/** REST-assured helpers for page (HTML form) requests: the CSRF token and a logged-in session. */
public final class PageClient {

    private PageClient() {
    }

    /** A fresh CSRF token, as the browser gets it from any page (the login page is public). */
    public static String csrfToken() {
        return given().get("/login").then().statusCode(200).extract().cookie(Csrf.COOKIE);
    }

    /** A form POST that carries the token as a browser would: in the cookie and the {@code _csrf} field. */
    public static RequestSpecification form(String token) {
        return given().redirects().follow(false).cookie(Csrf.COOKIE, token).formParam(Csrf.FIELD, token);
    }

    /** Logs in through the login form and returns the session cookie's value. */
    public static String login(String username, String password) {
        String token = csrfToken();
        return form(token).formParam("username", username).formParam("password", password)
                .post("/login").then().statusCode(303).extract().cookie("tierflow_session");
    }

    /** A page request by a user logged in through the login form; redirects are not followed. */
    public static RequestSpecification page(String user) {
        return given().cookie("tierflow_session", login(user, TestUsers.PASSWORD)).accept("text/html").redirects().follow(false);
    }

    /** A page's form POST as the browser sends it: session, CSRF cookie and field, a UTF-8 page's form encoding. */
    public static RequestSpecification post(String user) {
        return form(csrfToken()).cookie("tierflow_session", login(user, TestUsers.PASSWORD)).accept("text/html")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    /** A JSON request to the API as {@code user}, to set up and check what the pages did. */
    public static RequestSpecification api(String user) {
        return given().cookie("tierflow_session", TestUsers.login(user)).contentType(ContentType.JSON);
    }
}
