package io.tierflow.ui.records;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.ui.testing.BrowserSession;

/**
 * A rep attaches a file (uploaded at once, listed with its download link), picks a district through the
 * cascading selects, fills two sub-table rows, saves, then edits a row and removes the other; a file whose
 * content is not what its name says is refused on the spot. Screenshots: target/screenshots/composite-*.png.
 */
@QuarkusTest
class FilesRegionSubTableBrowserTest {

    static final String FORM = "ui_composite_browser";

    @TestHTTPResource("/")
    URL base;

    @Inject
    UserDirectory users;

    @BeforeEach
    void form() {
        EveryWidgetForm.ensure(users, FORM);
    }

    static Locator row(Page page, int index) {
        return page.locator("[data-subtable] tbody tr[data-row]").nth(index);
    }

    @Test
    void attachAFilePickADistrictAndEditSubTableRows() {
        try (BrowserSession s = BrowserSession.open(base)) {
            Page page = s.page();
            page.navigate("/forms/" + FORM + "/new");
            s.login("east_rep", TestUsers.PASSWORD);
            page.locator("#v-name").fill("嘉兴秀洲精密机械");

            // a PDF named like a picture is refused where the file was chosen
            page.locator("#v-files").setInputFiles(new FilePayload("伪装.png", "image/png",
                    "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
            assertThat(page.locator("[data-file-error]")).containsText("文件内容与文件名不符");
            page.locator("#v-files").setInputFiles(new FilePayload("报价单.txt", "text/plain",
                    "螺丝 M8 × 200，单价 0.35 元".getBytes(StandardCharsets.UTF_8)));
            assertThat(page.locator(".file-item a")).hasText("报价单.txt");
            assertThat(page.locator("[data-file-error]")).isHidden();

            page.locator("#v-region").selectOption("330000");
            page.locator("[data-level=city]").selectOption("330400");
            page.locator("[data-level=district]").selectOption("330411");

            page.locator("[data-add-row]").click();
            row(page, 0).locator("[data-col=product]").fill("主轴");
            row(page, 0).locator("[data-col=qty]").fill("2");
            row(page, 0).locator("[data-col=price]").fill("18,000");
            row(page, 0).locator("[data-col=kind]").selectOption("custom");
            page.locator("[data-add-row]").click();
            row(page, 1).locator("[data-col=product]").fill("轴承");
            row(page, 1).locator("[data-col=qty]").fill("16");
            s.screenshot("composite-new-filled");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存").setExact(true)).click();

            assertThat(page).hasURL(Pattern.compile("/forms/" + FORM + "/records/\\d+$"));
            assertThat(page.locator(".file-item a")).hasText("报价单.txt");
            assertThat(page.locator(".file-item a")).hasAttribute("href", Pattern.compile("^/api/attachments/[0-9a-f-]{36}$"));
            assertThat(page.locator("[data-level=district]")).hasValue("330411");
            assertThat(page.locator("[data-subtable] tbody tr[data-row]")).hasCount(2);
            assertThat(row(page, 0).locator("[data-col=price]")).hasValue("18000");
            assertThat(row(page, 0).locator("[data-col=kind]")).hasValue("custom");
            // the timeline tells it as people read it
            assertThat(page.locator(".tl-entry").first()).containsText("浙江省 / 嘉兴市 / 秀洲区");
            s.screenshot("composite-record");

            // the file downloads as what it is
            com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator(".file-item a").click());
            org.junit.jupiter.api.Assertions.assertEquals("报价单.txt", download.suggestedFilename());

            // change one row, remove the other
            row(page, 1).locator("[data-col=qty]").fill("20");
            row(page, 0).locator("[data-remove-row-of-table]").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存修改").setExact(true)).click();
            assertThat(page.locator(".flash-success")).hasText("已保存");
            assertThat(page.locator("[data-subtable] tbody tr[data-row]")).hasCount(1);
            assertThat(row(page, 0).locator("[data-col=product]")).hasValue("轴承");
            assertThat(row(page, 0).locator("[data-col=qty]")).hasValue("20");
            s.screenshot("composite-record-edited");
        }
    }
}
