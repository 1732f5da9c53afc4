package io.tierflow.ui.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The front-end libraries come from jars on the classpath (never a CDN); these are the URLs pages use. */
@QuarkusTest
class StaticAssetsTest {

    public static final String HTMX = "/_static/htmx.org/2.0.2/dist/htmx.min.js";
    public static final String ECHARTS = "/_static/echarts/6.0.0/dist/echarts.min.js";
    public static final String SORTABLE = "/webjars/sortablejs/1.15.6/Sortable.min.js";

    @Test
    void javascriptLibrariesAreServedWithoutLogin() {
        for (String url : new String[] { HTMX, ECHARTS, SORTABLE }) {
            byte[] body = given().get(url).then().statusCode(200).contentType(containsString("javascript"))
                    .extract().asByteArray();
            org.hamcrest.MatcherAssert.assertThat(url, body.length, greaterThan(10_000));
        }
    }

    @Test
    void stylesheetAndIconAreServedWithoutLogin() {
        given().get("/app.css").then().statusCode(200).contentType(containsString("text/css")).body(containsString("--primary"));
        given().get("/favicon.svg").then().statusCode(200).contentType(containsString("svg"));
    }
}
