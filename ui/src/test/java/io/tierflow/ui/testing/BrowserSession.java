package io.tierflow.ui.testing;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * A real browser for page tests: Debian's chromium (apt package), headless, driven by Playwright.
 * Playwright must never download a browser here, hence PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD in its
 * environment (surefire sets it too). The browser starts once per test JVM and is shared; each
 * session is a fresh context (own cookies), so close sessions, not the browser.
 *
 * <pre>
 * &#64;TestHTTPResource("/") URL base;
 * try (BrowserSession s = BrowserSession.open(base)) {
 *     s.login("ui-sales", "secret-pass");
 *     s.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("待办")).click();
 *     s.screenshot("inbox");   // target/screenshots/inbox.png
 * }
 * </pre>
 */
public final class BrowserSession implements AutoCloseable {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";

    private static Playwright playwright;
    private static Browser browser;

    private final BrowserContext context;
    private final Page page;

    private BrowserSession(BrowserContext context) {
        this.context = context;
        this.page = context.newPage();
        this.page.setDefaultTimeout(15_000);
    }

    /** A desktop-sized session (1280×800) whose browser asks for Chinese, like most of our users. */
    public static BrowserSession open(URL baseUrl) {
        return open(baseUrl, 1280, 800, "zh-CN");
    }

    /** A phone-sized session (390×844), as sales staff use it. */
    public static BrowserSession openPhone(URL baseUrl) {
        return open(baseUrl, 390, 844, "zh-CN");
    }

    /** @param locale the browser's language (sent as Accept-Language), e.g. {@code zh-CN} or {@code en-US} */
    public static BrowserSession open(URL baseUrl, int width, int height, String locale) {
        BrowserContext context = browser().newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl.toString()).setViewportSize(width, height).setLocale(locale)
                .setDeviceScaleFactor(1));
        return new BrowserSession(context);
    }

    public Page page() {
        return page;
    }

    /** Role options matching exactly this accessible name: {@code page.getByRole(AriaRole.BUTTON, named("保存"))}. */
    public static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    /** Logs in through the login form and waits until the browser has left /login. */
    public BrowserSession login(String username, String password) {
        if (!page.url().contains("/login")) {
            page.navigate("/login");
        }
        page.locator("#f-username").fill(username);
        page.locator("#f-password").fill(password);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForURL(Pattern.compile("^(?!.*/login).*$"));
        return this;
    }

    /** Saves a full-page PNG (scrolled to the top) as target/screenshots/{name}.png and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        // a full-page capture paints the sticky top bar where the viewport happens to be: from the top it sits
        // where people see it, not over the middle of a long form
        page.evaluate("window.scrollTo(0, 0)");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        context.close();
    }

    private static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(CHROMIUM)).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }, "playwright-shutdown"));
        }
        return browser;
    }
}
