package io.tierflow.rule.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.Role;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.rule.formula.FunctionGroup;

/** GET /api/formulas/functions: every function CDI found, in the caller's language, grouped and ordered. */
@QuarkusTest
class FormulaFunctionResourceTest {

    @Inject
    UserDirectory users;

    @BeforeEach
    void user() {
        TestUsers.ensure(users, "fn_reader", Role.SALES, null);
    }

    @Test
    void listsEveryFunctionInEnglish() {
        List<Map<String, Object>> all = TestUsers.as("fn_reader").get("/api/formulas/functions")
                .then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(80))
                .body("name", hasItems("IF", "IFS", "SWITCH", "ROUND", "POWER", "TEXT", "DATEADD", "WORKDAY",
                        "NORMALIZE", "IN", "ANY"))
                .body("description", everyItem(notNullValue()))
                .body("examples", everyItem(not(equalTo(List.of()))))
                .body("find { it.name == 'ROUND' }.group", equalTo("math"))
                .body("find { it.name == 'ROUND' }.groupName", equalTo("Math"))
                .body("find { it.name == 'ROUND' }.signature", equalTo("ROUND(number, digits)"))
                .body("find { it.name == 'ROUND' }.description", containsString("Rounds half up"))
                .body("find { it.name == 'IN' }.group", equalTo("list"))
                .extract().jsonPath().getList("$");
        // ordered by group (in FunctionGroup order), then by name
        String previous = null;
        int previousGroup = -1;
        for (Map<String, Object> f : all) {
            int g = FunctionGroup.valueOf(((String) f.get("group")).toUpperCase(java.util.Locale.ROOT)).ordinal();
            String name = (String) f.get("name");
            assertTrue(g > previousGroup || g == previousGroup && name.compareTo(previous) > 0, name);
            previousGroup = g;
            previous = name;
        }
        // SUM, MIN and MAX are listed twice: as functions of numbers and as aggregates of related records
        assertEquals(all.size(), all.stream().map(f -> f.get("group") + "/" + f.get("name")).distinct().count());
        assertEquals(List.of("AVG", "COUNT", "LATEST", "MAX", "MIN", "SUM"), all.stream()
                .filter(f -> f.get("group").equals("relation")).map(f -> f.get("name")).toList());
    }

    @Test
    void speaksTheCallersLanguage() {
        given().cookie("tierflow_session", TestUsers.login("fn_reader")).header("Accept-Language", "zh-CN")
                .get("/api/formulas/functions").then().statusCode(200)
                .body("find { it.name == 'ROUND' }.groupName", equalTo("数学"))
                .body("find { it.name == 'ROUND' }.description", containsString("四舍五入"))
                .body("find { it.name == 'WORKDAY' }.description", containsString("工作日"));
    }

    @Test
    void needsASignedInCaller() {
        given().get("/api/formulas/functions").then().statusCode(401);
    }
}
