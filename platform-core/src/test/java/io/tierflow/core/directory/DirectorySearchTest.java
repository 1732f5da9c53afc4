package io.tierflow.core.directory;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.Role;
import io.tierflow.core.identity.UserDirectory;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The member and team pickers' search: active users by name or username, teams by name, capped. (Not in the
 * identity package: a test class there, shipped in the test jar, splits that package for the modules above.)
 */
@QuarkusTest
class DirectorySearchTest {

    @Inject
    UserDirectory users;

    @Inject
    Pool pool;

    @Test
    void searchFindsActiveUsersByNameOrUsernameAndTeamsByName() {
        TestUsers.ensure(users, "dir_wang", Role.SALES, "华东大区");
        TestUsers.ensure(users, "dir_wangwu", Role.SALES, "华东大区");
        TestUsers.ensure(users, "dir_gone", Role.SALES, "华东大区");
        pool.preparedQuery("UPDATE app_user SET display_name = $2 WHERE username = $1").execute(Tuple.of("dir_wang", "王小明"))
                .await().indefinitely();
        pool.preparedQuery("UPDATE app_user SET display_name = '王离职', active = false WHERE username = 'dir_gone'").execute()
                .await().indefinitely();
        for (int i = 0; i < 25; i++) {
            TestUsers.ensure(users, "dir_many_" + i, Role.SALES, null);
        }

        TestUsers.as("dir_wang").get("/api/directory/users?q=王").then().statusCode(200)
                .body("name", hasItem("王小明")).body("name", not(hasItem("王离职")))
                .body("active", everyItem(org.hamcrest.Matchers.equalTo(true)));
        TestUsers.as("dir_wang").get("/api/directory/users?q=DIR_WANGWU").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].detail", org.hamcrest.Matchers.equalTo("dir_wangwu · 华东大区"));
        // wildcards are text: "_" matches only an underscore
        TestUsers.as("dir_wang").get("/api/directory/users?q=%25").then().statusCode(200).body("$", hasSize(0));
        TestUsers.as("dir_wang").get("/api/directory/users?q=dir_many&limit=500").then().statusCode(200)
                .body("size()", lessThanOrEqualTo(UserDirectory.MAX_RESULTS));
        TestUsers.as("dir_wang").get("/api/directory/teams?q=华东").then().statusCode(200)
                .body("name", hasItem("华东大区"));
        io.restassured.RestAssured.given().get("/api/directory/users?q=王").then().statusCode(401);
    }
}
