package app.covenant.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.notifications.Notice;
import app.covenant.notifications.Notifier;
import app.covenant.support.BrowserSession;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
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

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.checkingTheConsole();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Notifier notifier;
    @Autowired
    TransactionTemplate transactions;

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
        browser.signIn(tenant.email("MANAGER"));

        browser.waitUntil(ExpectedConditions.attributeToBe(By.cssSelector("#notification-bell .bell-link"), "aria-label",
                "Notifications, 3 unread"));
        assertThat(browser.findElement(By.cssSelector("#notification-bell .bell-count")).getText()).isEqualTo("3");
        browser.screenshot("notification-bell.png");

        browser.findElement(By.cssSelector("#notification-bell .bell-link")).click();
        browser.waitForTitle("Notifications · Covenant");
        assertThat(browser.findElement(By.id("notifications")).getText()).contains("Ana Lopez accepted your invitation",
                "could not be delivered");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("marked read");
        browser.screenshot("notifications.png");

        // One row, in place with htmx; the bell follows at once.
        browser.findElement(By.cssSelector("#notifications tbody tr:first-child form button")).click();
        browser.waitUntil(ExpectedConditions.attributeToBe(By.cssSelector("#notification-bell .bell-link"), "aria-label",
                "Notifications, 2 unread"));
        assertThat(browser.findElement(By.cssSelector("#notifications tbody tr:first-child")).getText()).contains("Read");
        assertThat(browser.findElement(By.cssSelector("[data-toasts]")).getText()).as("announced as a toast")
                .contains("Marked as read.");

        browser.findElement(By.cssSelector("[data-mark-all-read]")).click();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"),
                "All notifications are marked read."));
        browser.waitUntil(ExpectedConditions.attributeToBe(By.cssSelector("#notification-bell .bell-link"), "aria-label",
                "Notifications, none unread"));
        assertThat(browser.findElements(By.cssSelector("#notification-bell .bell-count"))).isEmpty();
        browser.screenshot("notifications-all-read.png");

        browser.open("/account/notifications");
        assertThat(browser.findElement(By.id("notification-preferences")).getText()).contains("Invitation accepted",
                "Undelivered e-mail");
        browser.screenshot("notification-preferences.png");
    }
}
