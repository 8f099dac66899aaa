package app.covenant.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.HeadlessChromium;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The home page in a real, headless Chromium (Debian's, never a downloaded one). The console must stay
 * free of errors: that is where CSP violations and missing assets show up.
 */
@IntegrationTest
class HomePageBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void consoleHasNoErrors() {
        assertThat(consoleErrors()).as("browser console errors (CSP violations, missing assets, script errors)")
                .isEmpty();
    }

    @Test
    void visitorsAreWelcomedAndOfferedTheSignIn() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/"));

        assertThat(browser.getTitle()).isEqualTo("Home · Covenant");
        assertThat(browser.findElement(By.id("home-welcome-title")).getText()).isEqualTo("Welcome to Covenant");
        assertThat(browser.findElement(By.cssSelector("[data-sign-in]")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.id("node-status"))).as("no node panel for visitors").isEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href='/api/docs'], a[href='/health']"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".nav-toggle")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("sidenav")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector(".nav-link[aria-current=page]")).getText()).isEqualTo("Home");
        screenshot("home-visitor.png");

        browser.findElement(By.cssSelector("[data-sign-in]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("Sign in · Covenant"));
    }

    @Test
    void aSignedInPersonSeesWhatNeedsThemThenTheEmptyState() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 900));
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        jdbc.update("insert into email_outbox (id, organization_id, to_address, subject, body_text, body_html, template, "
                + "status, attempts, next_attempt_at, created_at) values (?, ?, 'gone@example.com', 'Hello', 'x', "
                + "'<p>x</p>', 'notification', 'FAILED', 5, ?, ?)", UUID.randomUUID(), tenant.organizationId(),
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        try {
            signIn(tenant.email("ADMIN"));
            assertThat(browser.findElement(By.cssSelector("[data-greeting]")).getText()).isEqualTo("Hello, Test ADMIN");
            assertThat(browser.findElement(By.cssSelector("[data-organization]")).getText())
                    .isEqualTo("Tenant " + tenant.code());
            List<WebElement> cards = browser.findElements(By.cssSelector("[data-home-card]"));
            assertThat(cards).hasSize(1);
            assertThat(cards.getFirst().getText()).contains("1", "Undelivered e-mail", "Action needed");
            assertThat(browser.findElements(By.id("node-status"))).isEmpty();
            screenshot("home-cards.png");

            cards.getFirst().click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/admin/outbox"));
            assertThat(browser.getCurrentUrl()).endsWith("/admin/outbox?status=FAILED");
            assertThat(browser.getPageSource()).contains("gone@example.com");

            jdbc.update("update email_outbox set status = 'SENT' where organization_id = ?", tenant.organizationId());
            browser.get(url("/"));
            assertThat(browser.findElements(By.cssSelector("[data-home-card]"))).isEmpty();
            assertThat(browser.findElement(By.cssSelector(".empty-state")).getText())
                    .contains("Nothing needs you right now");
            assertThat(browser.findElement(By.cssSelector(".home-destinations")).getText()).contains("Documents");
            screenshot("home-empty.png");
        } finally {
            browser.manage().deleteAllCookies();
        }
    }

    @Test
    void navigationCollapsesIntoAMenuOnATablet() throws IOException {
        browser.manage().window().setSize(new Dimension(820, 1180));
        browser.get(url("/"));

        WebElement toggle = browser.findElement(By.cssSelector(".nav-toggle"));
        WebElement nav = browser.findElement(By.id("sidenav"));
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(nav.isDisplayed()).isFalse();
        screenshot("home-tablet.png");
        fullPageScreenshot("home-tablet-full.png");

        toggle.click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(nav));
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(nav.findElement(By.linkText("Home")).isDisplayed()).isTrue();
        screenshot("home-tablet-menu.png");

        // Escape closes the menu and gives focus back to the toggle.
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.invisibilityOf(nav));
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
    }

    @Test
    void errorPageLoadsItsAssetsCleanly() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 900));
        // A visitor is sent to sign in first; signed in, the unknown page is a friendly 404.
        browser.get(url("/no-such-page"));
        assertThat(browser.getCurrentUrl()).endsWith("/login?next=%2Fno-such-page");
        browser.findElement(By.id("login-email")).sendKeys(TestTenants.create(jdbc).email("USER"));
        browser.findElement(By.id("login-password")).sendKeys(TestTenants.PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("Not Found · Covenant"));
            assertThat(browser.findElement(By.cssSelector("[data-correlation-id]")).getText()).isNotBlank();
            assertThat(browser.findElement(By.cssSelector("[data-user-menu]")).getText()).contains("Test USER");
            screenshot("error.png");
            // The page's own 404 is expected; anything else (a blocked style, a missing script) is not.
            assertThat(consoleErrors()).allMatch(message -> message.contains("/no-such-page"));
        } finally {
            browser.manage().deleteAllCookies();
        }
    }

    private void signIn(String email) {
        browser.get(url("/login"));
        browser.findElement(By.id("login-email")).sendKeys(email);
        browser.findElement(By.id("login-password")).sendKeys(TestTenants.PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("Home · Covenant"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static List<String> consoleErrors() {
        return HeadlessChromium.consoleErrors(browser);
    }

    /** The whole page, for reviewing the layout: the window grows to the document's height for one shot. */
    private static void fullPageScreenshot(String name) throws IOException {
        Dimension before = browser.manage().window().getSize();
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(before.getWidth(), height.intValue() + 200));
        try {
            screenshot(name);
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
