package io.tierflow.ui.records;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tierflow.ui.testing.PageClient.api;

import java.net.URL;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.Caller;
import io.tierflow.core.identity.Role;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;
import io.tierflow.ui.testing.BrowserSession;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A rep fills in a deal in a real browser: the "big deal reason" appears once the amount makes its condition
 * true, the phone comes from the customer typed in (data linkage), and the follower is picked by name with the
 * keyboard. Screenshots go to target/screenshots/live-*.png.
 */
@QuarkusTest
class LiveFieldsBrowserTest {

    static final String DEALS = "ui_lb_deal";

    @TestHTTPResource("/")
    URL base;

    @Inject
    UserDirectory users;

    @Inject
    Pool pool;

    Caller colleague;

    @BeforeEach
    void forms() {
        FormFixtures.people(users);
        colleague = TestUsers.ensure(users, "lb_zhao", Role.SALES, "east");
        pool.preparedQuery("UPDATE app_user SET display_name = $2 WHERE id = $1").execute(Tuple.of(colleague.id(), "赵跟进"))
                .await().indefinitely();
        if (api("east_mgr").get("/api/forms/" + DEALS).statusCode() == 404) {
            api("east_mgr").body("""
                    {"key":"ui_lb_customer","name":"客户","fields":[
                      {"key":"name","label":"客户名称","type":"text","required":true},
                      {"key":"phone","label":"电话","type":"phone"}]}""").post("/api/forms").then().statusCode(201);
            api("east_mgr").body("""
                    {"key":"ui_lb_deal","name":"商机","fields":[
                      {"key":"customer_name","label":"客户名称","type":"text","required":true},
                      {"key":"phone","label":"联系电话","type":"phone","config":{"linkage":
                        {"form":"ui_lb_customer","match":[{"theirs":"name","ours":"customer_name"}],"take":"phone"}}},
                      {"key":"amount","label":"金额(万元)","type":"number"},
                      {"key":"reason","label":"大单理由","type":"textarea","required":true,"config":{"visibleWhen":"amount > 100"}},
                      {"key":"follower","label":"跟进人","type":"member"}]}""")
                    .post("/api/forms").then().statusCode(201);
            api("east_rep").body("{\"values\":{\"name\":\"杭州云栖科技\",\"phone\":\"0571-1234567\"}}")
                    .post("/api/forms/ui_lb_customer/records").then().statusCode(201);
        }
    }

    @Test
    void aFieldAppearsALinkedValueFillsInAndAColleagueIsPicked() {
        try (BrowserSession s = BrowserSession.open(base)) {
            Page page = s.page();
            page.navigate("/forms/" + DEALS + "/new");
            s.login("east_rep", TestUsers.PASSWORD);
            assertThat(page).hasURL(Pattern.compile("/forms/" + DEALS + "/new$"));
            assertThat(page.locator("#v-reason-field")).isHidden();
            s.screenshot("live-new");

            // the condition is evaluated by the server as the amount is typed
            page.locator("#v-amount").fill("80");
            page.waitForTimeout(800);
            assertThat(page.locator("#v-reason-field")).isHidden();
            page.locator("#v-amount").fill("500");
            assertThat(page.locator("#v-reason-field")).isVisible();
            assertThat(page.locator("label[for=v-reason]")).containsText("大单理由");
            s.screenshot("live-reason-shown");

            // typing the customer fills in its phone
            page.locator("#v-customer_name").pressSequentially("杭州云栖科技", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(20));
            assertThat(page.locator("#v-phone")).hasValue("0571-1234567");
            s.screenshot("live-linkage-filled");

            // the follower: type, ↓ to the first result, Enter picks it
            page.locator("#v-follower-q").click();
            page.locator("#v-follower-q").pressSequentially("赵跟");
            assertThat(page.locator("#v-follower-options .relation-option").first()).containsText("赵跟进");
            s.screenshot("live-member-search");
            page.keyboard().press("ArrowDown");
            assertThat(page.locator("#v-follower-options .relation-option").first()).isFocused();
            page.keyboard().press("Enter");
            assertThat(page.locator("#v-follower-picker .relation-chip")).containsText("赵跟进");
            assertThat(page.locator("#v-follower")).hasValue(String.valueOf(colleague.id()));
            s.screenshot("live-member-picked");

            page.locator("#v-reason").fill("年度框架合同");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存").setExact(true)).click();
            assertThat(page).hasURL(Pattern.compile("/forms/" + DEALS + "/records/\\d+$"));
            assertThat(page.locator("#v-phone")).hasValue("0571-1234567");
            assertThat(page.locator("#v-follower-picker .relation-chip")).containsText("赵跟进");
            assertThat(page.locator("#v-reason-field")).isVisible();

            // on the edit page the reason hides again when the amount drops; its value is kept
            page.locator("#v-amount").fill("50");
            assertThat(page.locator("#v-reason-field")).isHidden();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存修改").setExact(true)).click();
            assertThat(page.locator(".flash-success")).hasText("已保存");
            assertThat(page.locator("#v-reason-field")).isHidden();
            assertThat(page.locator("#v-reason")).hasValue("年度框架合同");
            s.screenshot("live-record-saved");
        }
    }
}
