package app.covenant.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.notifications.Notice;
import app.covenant.notifications.Notifier;
import app.covenant.support.HeadlessChromium;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In a real, headless Chromium: sign in, the bell shows the unread count (fetched by htmx), mark one
 * read in place, mark all read, and the bell goes to none — without console errors (CSP, scripts).
 */
@IntegrationTest
// The same properties as the authorization matrix and the page tests, so all share one application context.
@TestPropertySource(properties = {
        "covenant.ratelimit.per-minute=100000", "covenant.ratelimit.auth-per-minute=100000",
        "covenant.ratelimit.requests-per-minute=100000", "covenant.ratelimit.auth-requests-per-minute=100000"})
class NotificationBellBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Notifier notifier;
    @Autowired
    TransactionTemplate transactions;

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
        assertThat(HeadlessChromium.consoleErrors(browser)).as("browser console errors").isEmpty();
    }

    @Test
    void theBellCountsAndMarkingAllReadEmptiesIt() throws IOException {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        for (String title : List.of("Ana Lopez accepted your invitation", "Ben Ode accepted your invitation",
                "An e-mail to cy@example.test could not be delivered")) {
            String type = title.startsWith("An e-mail") ? "notifications.email-undelivered" : "identity.invitation-accepted";
            transactions.executeWithoutResult(status -> notifier.notify(List.of(tenant.userId("MANAGER")),
                    Notice.of(tenant.organizationId(), type, title, "Details of: " + title, "/notifications")));
        }

        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("login-email")).sendKeys(tenant.email("MANAGER"));
        browser.findElement(By.id("login-password")).sendKeys(TestTenants.PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-user-menu]")));

        wait(ExpectedConditions.attributeToBe(By.cssSelector("#notification-bell .bell-link"), "aria-label",
                "Notifications, 3 unread"));
        assertThat(browser.findElement(By.cssSelector("#notification-bell .bell-count")).getText()).isEqualTo("3");
        screenshot("notification-bell.png");

        browser.findElement(By.cssSelector("#notification-bell .bell-link")).click();
        wait(ExpectedConditions.titleIs("Notifications · Covenant"));
        assertThat(browser.findElement(By.id("notifications")).getText()).contains("Ana Lopez accepted your invitation",
                "could not be delivered");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("marked read");
        screenshot("notifications.png");

        // One row, in place with htmx; the bell follows at once.
        browser.findElement(By.cssSelector("#notifications tbody tr:first-child form button")).click();
        wait(ExpectedConditions.attributeToBe(By.cssSelector("#notification-bell .bell-link"), "aria-label",
                "Notifications, 2 unread"));
        assertThat(browser.findElement(By.cssSelector("#notifications tbody tr:first-child")).getText()).contains("Read");
        assertThat(browser.findElement(By.cssSelector("[data-toasts]")).getText()).as("announced as a toast")
                .contains("Marked as read.");

        browser.findElement(By.cssSelector("[data-mark-all-read]")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"),
                "All notifications are marked read."));
        wait(ExpectedConditions.attributeToBe(By.cssSelector("#notification-bell .bell-link"), "aria-label",
                "Notifications, none unread"));
        assertThat(browser.findElements(By.cssSelector("#notification-bell .bell-count"))).isEmpty();
        screenshot("notifications-all-read.png");

        browser.get(url("/account/notifications"));
        assertThat(browser.findElement(By.id("notification-preferences")).getText()).contains("Invitation accepted",
                "Undelivered e-mail");
        screenshot("notification-preferences.png");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void wait(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
