package app.covenant.platform.status;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.BrowserSession;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The System page in headless Chromium: the node panel refreshes itself under the strict CSP. */
@IntegrationTest
class SystemPageBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.checkingTheConsole();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theNodePanelRefreshesEveryTenSeconds() throws IOException {
        browser.resize(1280, 900);
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        try {
            browser.open("/login?next=/admin/system");
            browser.submitSignIn(tenant.email("ADMIN"));
            browser.waitForTitle("System · Covenant");

            WebElement panel = browser.findElement(By.id("node-status"));
            assertThat(panel.findElement(By.cssSelector("[data-fact=database]")).getText()).containsIgnoringCase("up");
            // Connected or, on a loaded machine whose Redis answers late, degraded: either way a badge.
            assertThat(panel.findElement(By.cssSelector("[data-fact=redis] .badge")).getText()).isNotBlank();
            assertThat(browser.findElement(By.cssSelector(".nav-link[aria-current=page]")).getText())
                    .isEqualTo("System");
            assertThat(browser.findElement(By.cssSelector("a[href='/api/docs']")).getText()).contains("API docs");
            assertThat(browser.findElement(By.cssSelector("a[href='/health']")).isDisplayed()).isTrue();
            browser.screenshot("system.png");

            // htmx swaps the whole panel every 10 s: the element we hold goes stale, a fresh one replaces it.
            browser.waitUntil(Duration.ofSeconds(25), ExpectedConditions.stalenessOf(panel));
            WebElement refreshed = browser.waitUntil(Duration.ofSeconds(5),
                    ExpectedConditions.visibilityOfElementLocated(By.id("node-status")));
            assertThat(refreshed.findElement(By.cssSelector("[data-fact=database]")).getText())
                    .containsIgnoringCase("up");
            assertThat(refreshed.findElement(By.cssSelector("[data-fact=uptime]")).getText()).isNotBlank();
        } finally {
            browser.manage().deleteAllCookies();
        }
    }
}
