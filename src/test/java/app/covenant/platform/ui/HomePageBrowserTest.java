package app.covenant.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.BrowserSession;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The home page in a real, headless Chromium (Debian's, never a downloaded one). The console must stay
 * free of errors: that is where CSP violations and missing assets show up.
 */
@IntegrationTest
class HomePageBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.checkingTheConsole();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void visitorsAreWelcomedAndOfferedTheSignIn() throws IOException {
        browser.resize(1280, 900);
        browser.open("/");

        assertThat(browser.getTitle()).isEqualTo("Home · Covenant");
        assertThat(browser.findElement(By.id("home-welcome-title")).getText()).isEqualTo("Welcome to Covenant");
        assertThat(browser.findElement(By.cssSelector("[data-sign-in]")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.id("node-status"))).as("no node panel for visitors").isEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href='/api/docs'], a[href='/health']"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".nav-toggle")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("sidenav")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector(".nav-link[aria-current=page]")).getText()).isEqualTo("Home");
        browser.screenshot("home-visitor.png");

        browser.findElement(By.cssSelector("[data-sign-in]")).click();
        browser.waitForTitle("Sign in · Covenant");
    }

    @Test
    void aSignedInPersonSeesWhatNeedsThemThenTheEmptyState() throws IOException {
        browser.resize(1280, 900);
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        jdbc.update("insert into email_outbox (id, organization_id, to_address, subject, body_text, body_html, template, "
                + "status, attempts, next_attempt_at, created_at) values (?, ?, 'gone@example.com', 'Hello', 'x', "
                + "'<p>x</p>', 'notification', 'FAILED', 5, ?, ?)", UUID.randomUUID(), tenant.organizationId(),
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        try {
            browser.signIn(tenant.email("ADMIN"));
            browser.waitForTitle("Home · Covenant");
            assertThat(browser.findElement(By.cssSelector("[data-greeting]")).getText()).isEqualTo("Hello, Test ADMIN");
            assertThat(browser.findElement(By.cssSelector("[data-organization]")).getText())
                    .isEqualTo("Tenant " + tenant.code());
            List<WebElement> cards = browser.findElements(By.cssSelector("[data-home-card]"));
            assertThat(cards).hasSize(1);
            assertThat(cards.getFirst().getText()).contains("1", "Undelivered e-mail", "Action needed");
            assertThat(browser.findElements(By.id("node-status"))).isEmpty();
            browser.screenshot("home-cards.png");

            cards.getFirst().click();
            browser.waitUntil(Duration.ofSeconds(10), ExpectedConditions.urlContains("/admin/outbox"));
            assertThat(browser.getCurrentUrl()).endsWith("/admin/outbox?status=FAILED");
            assertThat(browser.getPageSource()).contains("gone@example.com");

            jdbc.update("update email_outbox set status = 'SENT' where organization_id = ?", tenant.organizationId());
            browser.open("/");
            assertThat(browser.findElements(By.cssSelector("[data-home-card]"))).isEmpty();
            assertThat(browser.findElement(By.cssSelector(".empty-state")).getText())
                    .contains("Nothing needs you right now");
            assertThat(browser.findElement(By.cssSelector(".home-destinations")).getText()).contains("Documents");
            browser.screenshot("home-empty.png");
        } finally {
            browser.manage().deleteAllCookies();
        }
    }

    @Test
    void navigationCollapsesIntoAMenuOnATablet() throws IOException {
        browser.resize(820, 1180);
        browser.open("/");

        WebElement toggle = browser.findElement(By.cssSelector(".nav-toggle"));
        WebElement nav = browser.findElement(By.id("sidenav"));
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(nav.isDisplayed()).isFalse();
        browser.screenshot("home-tablet.png");
        browser.fullPageScreenshot("home-tablet-full.png");

        toggle.click();
        browser.waitUntil(Duration.ofSeconds(5), ExpectedConditions.visibilityOf(nav));
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(nav.findElement(By.linkText("Home")).isDisplayed()).isTrue();
        browser.screenshot("home-tablet-menu.png");

        // Escape closes the menu and gives focus back to the toggle.
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waitUntil(Duration.ofSeconds(5), ExpectedConditions.invisibilityOf(nav));
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
    }

    @Test
    void errorPageLoadsItsAssetsCleanly() throws IOException {
        browser.resize(1280, 900);
        // A visitor is sent to sign in first; signed in, the unknown page is a friendly 404.
        browser.open("/no-such-page");
        assertThat(browser.getCurrentUrl()).endsWith("/login?next=%2Fno-such-page");
        browser.submitSignIn(TestTenants.create(jdbc).email("USER"));
        try {
            browser.waitForTitle("Not Found · Covenant");
            assertThat(browser.findElement(By.cssSelector("[data-correlation-id]")).getText()).isNotBlank();
            assertThat(browser.findElement(By.cssSelector("[data-user-menu]")).getText()).contains("Test USER");
            browser.screenshot("error.png");
            // The page's own 404 is expected; anything else (a blocked style, a missing script) is not.
            assertThat(browser.consoleErrors()).allMatch(message -> message.contains("/no-such-page"));
        } finally {
            browser.manage().deleteAllCookies();
        }
    }
}
