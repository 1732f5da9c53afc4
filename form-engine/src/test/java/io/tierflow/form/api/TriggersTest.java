package io.tierflow.form.api;

import static io.tierflow.core.TestUsers.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.core.journal.EffectDispatcher;
import io.tierflow.core.webhook.WebhookConsumer;
import io.tierflow.form.FormFixtures;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Trigger rules: real changes only, conditions, actions through the journal, loop protection and the rule log. */
@QuarkusTest
class TriggersTest {

    @Inject
    UserDirectory users;

    @Inject
    EffectDispatcher dispatcher;

    @Test
    void aRealChangeFiresItsRulesOnceAndTheirActionsHappenThroughTheJournal() throws Exception {
        FormFixtures.people(users);
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                boolean signed = ("sha256=" + WebhookConsumer.sign("s3cret", body))
                        .equals(exchange.getRequestHeaders().getFirst("X-Tierflow-Signature"));
                received.add(signed + " " + new String(body, java.nio.charset.StandardCharsets.UTF_8));
            } catch (Exception e) {
                received.add("error " + e);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        try {
            json("east_mgr").body("""
                    {"key":"trig_customer","name":"客户","fields":[{"key":"name","label":"名称","type":"text"},
                      {"key":"revenue","label":"营收","type":"number"},
                      {"key":"stage","label":"阶段","type":"single_select","config":{"options":[{"key":"new","label":"新客"},
                        {"key":"key","label":"重点"}]}},
                      {"key":"flag","label":"标记","type":"text"}],
                     "tierModel":{"rules":[{"tier":"A","condition":"revenue >= 100"},{"tier":"C","condition":"true"}]}}""")
                    .post("/api/forms").then().statusCode(201);
            json("east_mgr").body("""
                    [{"id":"bad","when":"sometimes","actions":[{"type":"teleport"}],"condition":"revenue +"}]""")
                    .put("/api/forms/trig_customer/triggers").then().statusCode(400)
                    .body("errors.field", hasItems("triggers[0].when", "triggers[0].actions[0].type"));
            json("east_mgr").body("""
                    [{"id":"big_deal","name":"大单","when":"update","fields":["revenue"],"condition":"revenue >= 100",
                      "actions":[{"type":"set_fields","values":{"stage":"重点"}},{"type":"notify","to":"manager","message":"大客户出现"}]},
                     {"id":"tier_up","name":"升级通知","when":"tier_changed","actions":[{"type":"webhook","url":"http://127.0.0.1:%d/hook","secret":"s3cret"}]},
                     {"id":"echo","name":"回声","when":"update","fields":["stage"],"actions":[{"type":"set_fields","values":{"flag":"已标记"}}]}]"""
                            .formatted(hook.getAddress().getPort()))
                    .put("/api/forms/trig_customer/triggers").then().statusCode(200).body("id", hasItems("big_deal", "tier_up", "echo"));

            int id = json("east_rep").body("{\"values\":{\"name\":\"杭州云栖\",\"revenue\":10}}").post("/api/forms/trig_customer/records")
                    .then().statusCode(201).extract().path("id");
            json("east_rep").body("{\"version\":1,\"values\":{\"revenue\":10}}").patch("/api/forms/trig_customer/records/" + id)
                    .then().statusCode(200);
            json("east_rep").get("/api/forms/trig_customer/records/" + id + "/rule-log").then().body("size()", equalTo(0));

            json("east_rep").body("{\"version\":1,\"values\":{\"revenue\":150}}").patch("/api/forms/trig_customer/records/" + id)
                    .then().statusCode(200).body("tier", equalTo("A"));
            dispatcher.drain();
            json("east_rep").get("/api/forms/trig_customer/records/" + id).then()
                    .body("values.stage", equalTo("key")).body("values.flag", equalTo("已标记"));
            json("east_mgr").get("/api/me/notifications").then().body("body", hasItem("大客户出现"))
                    .body("title", hasItem("杭州云栖"));
            assertEquals(1, received.size(), received.toString());
            assertEquals(true, received.get(0).startsWith("true "), received.get(0));
            // big_deal's write fired echo; neither big_deal nor echo fired again on their own writes
            json("east_rep").get("/api/forms/trig_customer/records/" + id + "/rule-log").then()
                    .body("rule", equalTo(List.of("echo", "tier_up", "big_deal")))
                    .body("find { it.rule == 'big_deal' }.result.actions", equalTo(List.of("set_fields", "notify")));
            json("west_rep").get("/api/forms/trig_customer/records/" + id + "/rule-log").then().statusCode(404);
        } finally {
            hook.stop(0);
        }
    }
}
