package app.covenant.platform.status;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.HeadlessChromium;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The System page in headless Chromium: the node panel refreshes itself under the strict CSP. */
@IntegrationTest
class SystemPageBrowserTest {

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
        assertThat(HeadlessChromium.consoleErrors(browser))
                .as("browser console errors (CSP violations, missing assets, script errors)").isEmpty();
    }

    @Test
    void theNodePanelRefreshesEveryTenSeconds() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 900));
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        try {
            browser.get(url("/login?next=/admin/system"));
            browser.findElement(By.id("login-email")).sendKeys(tenant.email("ADMIN"));
            browser.findElement(By.id("login-password")).sendKeys(TestTenants.PASSWORD);
            browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("System · Covenant"));

            WebElement panel = browser.findElement(By.id("node-status"));
            assertThat(panel.findElement(By.cssSelector("[data-fact=database]")).getText()).containsIgnoringCase("up");
            // Connected or, on a loaded machine whose Redis answers late, degraded: either way a badge.
            assertThat(panel.findElement(By.cssSelector("[data-fact=redis] .badge")).getText()).isNotBlank();
            assertThat(browser.findElement(By.cssSelector(".nav-link[aria-current=page]")).getText())
                    .isEqualTo("System");
            assertThat(browser.findElement(By.cssSelector("a[href='/api/docs']")).getText()).contains("API docs");
            assertThat(browser.findElement(By.cssSelector("a[href='/health']")).isDisplayed()).isTrue();
            screenshot("system.png");

            // htmx swaps the whole panel every 10 s: the element we hold goes stale, a fresh one replaces it.
            new WebDriverWait(browser, Duration.ofSeconds(25)).until(ExpectedConditions.stalenessOf(panel));
            WebElement refreshed = new WebDriverWait(browser, Duration.ofSeconds(5))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("node-status")));
            assertThat(refreshed.findElement(By.cssSelector("[data-fact=database]")).getText())
                    .containsIgnoringCase("up");
            assertThat(refreshed.findElement(By.cssSelector("[data-fact=uptime]")).getText()).isNotBlank();
        } finally {
            browser.manage().deleteAllCookies();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
