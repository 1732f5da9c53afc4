package io.tierflow.form.transfer;

import static io.tierflow.form.transfer.TransferFixtures.as;
import static io.tierflow.form.transfer.TransferFixtures.createForm;
import static io.tierflow.form.transfer.TransferFixtures.importFile;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Files of more than 1000 rows run as jobs whose progress their owner (and admins) can follow. */
@QuarkusTest
class TransferJobTest {

    @Inject
    UserDirectory users;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Inject
    ImportJobJanitor janitor;

    @BeforeEach
    void people() {
        FormFixtures.people(users);
    }

    static byte[] rows(int count, int badRow) {
        StringBuilder csv = new StringBuilder("客户名称,年营收,行业\n");
        for (int i = 1; i <= count; i++) {
            csv.append("批量客户").append(i).append(',').append(i + 1 == badRow ? "lots" : Integer.toString(i % 300))
                    .append(',').append(i % 2 == 0 ? "信息技术" : "零售").append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Polls the job as its owner until it finishes. */
    static JsonPath finished(String location) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonPath job = as("east_mgr").get(location).then().statusCode(200).extract().jsonPath();
            if (!"running".equals(job.getString("status"))) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import job did not finish: " + location);
    }

    @Test
    void aLargeImportRunsAsAJobThatOnlyItsOwnerAndAdminsCanSee() throws InterruptedException {
        createForm("io_job");
        var response = importFile("east_mgr", "io_job", "big.csv", rows(1200, 0), Map.of("mode", "skip_bad_rows"))
                .statusCode(202).body("status", oneOf("running", "done")).body("total", equalTo(1200))
                .body("mapping.客户名称", equalTo("name")).extract();
        String location = response.header("Location");
        int id = response.path("id");
        assertTrue(location.endsWith("/api/forms/io_job/imports/" + id), location);
        JsonPath done = finished(location);
        assertEquals("done", done.getString("status"));
        assertEquals(1200, done.getInt("processed"));
        assertEquals(1200, done.getInt("created"));
        assertEquals(0, done.getInt("failed"));
        assertTrue(done.getString("finishedAt") != null);
        as("east_mgr").get("/api/forms/io_job/records?tier=A&limit=1").then().statusCode(200);
        as("west_rep").get(location).then().statusCode(404).body("code", equalTo("form.import.not-found"));
        as("east_rep").get(location).then().statusCode(404);
        as("root_admin").get(location).then().statusCode(200).body("created", equalTo(1200));
        as("east_mgr").get("/api/forms/cust_other/imports/" + id).then().statusCode(404);
        as("east_mgr").get("/api/forms/io_job/imports/999999").then().statusCode(404);

        // a job whose node died stops reporting progress; the janitor tells its owner
        pool.preparedQuery("UPDATE import_job SET status = 'running', finished_at = NULL,"
                + " updated_at = now() - interval '1 hour' WHERE id = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(id))
                .await().indefinitely();
        janitor.abandonStale().await().indefinitely();
        as("east_mgr").get(location).then().statusCode(200).body("status", equalTo("failed"))
                .body("problem.code", equalTo("form.import.abandoned"))
                .body("problem.message", org.hamcrest.Matchers.containsString("restarted"))
                .body("created", equalTo(1200));
    }

    @Test
    void aLargeAllOrNothingImportWithOneBadRowIsRejectedWhole() throws InterruptedException {
        createForm("io_job_all");
        String location = importFile("east_mgr", "io_job_all", "big.csv", rows(1500, 1400), Map.of()).statusCode(202)
                .extract().header("Location");
        JsonPath done = finished(location);
        assertEquals("rejected", done.getString("status"));
        assertEquals(1500, done.getInt("processed"));
        assertEquals(1, done.getInt("failed"));
        assertEquals(0, done.getInt("created"));
        assertEquals(1400, done.getInt("errors[0].row"));
        as("east_mgr").get("/api/forms/io_job_all/records").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aLargeDryRunChecksEveryRowInBatches() throws InterruptedException {
        createForm("io_job_dry");
        String location = importFile("east_mgr", "io_job_dry", "big.csv", rows(1100, 2), Map.of("dryRun", "true"))
                .statusCode(202).extract().header("Location");
        JsonPath done = finished(location);
        assertEquals("done", done.getString("status"));
        assertEquals(1099, done.getInt("valid"));
        assertEquals(1, done.getInt("invalid"));
        assertEquals(2, done.getInt("errors[0].row"));
        as("east_mgr").get("/api/forms/io_job_dry/records").then().statusCode(200).body("items.size()", equalTo(0));
    }
}
