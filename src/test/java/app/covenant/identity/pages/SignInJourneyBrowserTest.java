package app.covenant.identity.pages;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.BrowserSession;
import app.covenant.support.TestTenants;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The journey of issue 3 in a real, headless Chromium (Debian's): sign in through the form, see the user
 * menu, switch organization, work on an administration page with htmx, sign out. The console must stay
 * free of errors — CSP violations and missing assets show up there.
 */
@PageTest
class SignInJourneyBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.checkingTheConsole();

    @Autowired
    JdbcTemplate jdbc;

    TestTenants.Tenant home;
    TestTenants.Tenant second;

    @BeforeEach
    void tenants() {
        home = TestTenants.create(jdbc);
        second = TestTenants.create(jdbc);
        // The administrator of the first tenant also administers the second (plain SQL, like the fixtures).
        UUID adminRole = jdbc.queryForObject("select id from roles where scope_key = 'system' and code = 'ADMIN'",
                UUID.class);
        jdbc.update("insert into memberships (id, user_id, organization_id, role_id, created_at) values (?, ?, ?, ?, ?)",
                UUID.randomUUID(), home.userId("ADMIN"), second.organizationId(), adminRole, Timestamp.from(Instant.now()));
        browser.manage().deleteAllCookies();
        browser.resize(1280, 900);
    }

    @Test
    void signInSwitchOrganizationWorkAndSignOut() throws IOException {
        browser.open("/admin/users");
        assertThat(browser.getCurrentUrl()).contains("/login?next=%2Fadmin%2Fusers");
        assertThat(browser.getTitle()).isEqualTo("Sign in · Covenant");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus starts in the form")
                .isEqualTo("login-email");
        browser.screenshot("login.png");

        browser.submitSignIn(home.email("ADMIN"));

        browser.waitForTitle("Users · Covenant");
        WebElement menu = browser.findElement(By.cssSelector("[data-user-menu]"));
        assertThat(menu.getText()).contains("Test ADMIN", "Tenant " + home.code());
        assertThat(browser.findElement(By.id("users")).getText()).contains(home.email("BROKER"));
        browser.screenshot("admin-users.png");

        // A row's action menu opens over the list, closes on Escape (focus back on its button), and its
        // actions come back to the same filtered list with the message at the top.
        UUID user = home.userId("USER");
        browser.open("/admin/users?status=ACTIVE");
        WebElement rowMenu = browser.findElement(By.cssSelector("#user-" + user + " [data-row-menu]"));
        WebElement actions = rowMenu.findElement(By.tagName("summary"));
        assertThat(actions.getAccessibleName()).isEqualTo("Actions for Test USER");
        actions.click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#user-" + user + " .row-menu-panel")));
        browser.screenshot("admin-users-row-menu.png");
        actions.sendKeys(Keys.ESCAPE);
        browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#user-" + user + " .row-menu-panel")));
        assertThat(browser.switchTo().activeElement()).isEqualTo(actions);
        actions.click();
        rowMenu.findElement(By.xpath(".//button[normalize-space()='Deactivate']")).click();
        // The page's own confirmation dialog (the web kit), not the browser's.
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
        browser.findElement(By.cssSelector("#confirm-dialog [data-confirm-ok]")).click();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"),
                "The user is deactivated and signed out everywhere."));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/users?status=ACTIVE&done=deactivated");
        assertThat(new Select(browser.findElement(By.id("users-status"))).getFirstSelectedOption().getText())
                .isEqualTo("Active");

        browser.open("/");
        menu = browser.findElement(By.cssSelector("[data-user-menu]"));
        menu.findElement(By.tagName("summary")).click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".user-menu-panel")));
        assertThat(menu.findElement(By.cssSelector(".user-menu-panel")).getText())
                .contains(home.email("ADMIN"), "Change password", "My sessions", "Sign out");
        browser.screenshot("home-user-menu.png");
        menu.findElement(By.tagName("summary")).click();

        new Select(browser.findElement(By.id("org-switcher-select"))).selectByVisibleText("Tenant " + second.code());
        browser.findElement(By.cssSelector("[data-org-switcher] button")).click();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-user-menu] summary"),
                "Tenant " + second.code()));
        browser.open("/admin/users");
        assertThat(browser.findElement(By.id("users")).getText()).contains(second.email("BROKER"))
                .doesNotContain(home.email("BROKER"));

        browser.findElement(By.cssSelector("[data-user-menu] summary")).click();
        browser.findElement(By.cssSelector("[data-sign-out]")).click();
        browser.waitForTitle("Sign in · Covenant");
        assertThat(browser.findElement(By.cssSelector(".auth-card")).getText()).contains("You are signed out.");
        assertThat(browser.manage().getCookieNamed("covenant_access")).isNull();
        browser.open("/admin/users");
        assertThat(browser.getCurrentUrl()).contains("/login?next=");
    }

    @Test
    void administrationPagesLookRightOnDesktopAndTablet() throws IOException {
        browser.signIn(home.email("SUPER_ADMIN"));
        UUID adminRole = jdbc.queryForObject("select id from roles where scope_key = 'system' and code = 'ADMIN'",
                UUID.class);
        for (String[] page : new String[][]{{"/admin/roles", "admin-roles.png"},
                {"/admin/roles/" + adminRole, "admin-role-full.png"}, {"/admin/roles/new", "admin-role-new-full.png"},
                {"/admin/organizations", "admin-organizations.png"}, {"/admin/features", "admin-features.png"},
                {"/account/sessions", "account-sessions.png"}, {"/account/password", "account-password.png"},
                {"/admin/users/" + home.userId("MANAGER"), "admin-user.png"}}) {
            browser.open(page[0]);
            assertThat(browser.findElements(By.cssSelector("main h1"))).as(page[0]).isNotEmpty();
            if (page[1].endsWith("-full.png")) {
                browser.fullPageScreenshot(page[1]);
            } else {
                browser.screenshot(page[1]);
            }
        }

        // A switch flips in place.
        browser.open("/admin/features");
        WebElement toggle = browser.findElement(By.cssSelector("#feature-FIXTURE_PREVIEW button[role=switch]"));
        assertThat(toggle.getAttribute("aria-checked")).isEqualTo("false");
        toggle.click();
        browser.waitUntil(ExpectedConditions.attributeToBe(By.cssSelector("#feature-FIXTURE_PREVIEW button[role=switch]"), "aria-checked", "true"));
        browser.screenshot("admin-features-on.png");

        browser.resize(820, 1180);
        browser.open("/admin/users");
        browser.screenshot("admin-users-tablet.png");
        browser.open("/admin/roles/" + adminRole);
        browser.screenshot("admin-role-tablet.png");
        browser.manage().deleteAllCookies();
        browser.open("/login");
        browser.screenshot("login-tablet.png");
    }

    @Test
    void signInFormShowsTheServersMessageAndTheResetPagesRender() throws IOException {
        browser.open("/forgot-password");
        browser.screenshot("forgot-password.png");
        browser.open("/reset-password?token=no-such-token");
        browser.screenshot("reset-password.png");
        browser.open("/accept-invite?token=no-such-token");
        browser.screenshot("accept-invite.png");
        browser.open("/verify-email?token=no-such-token");
        browser.screenshot("verify-email.png");
        // A refused sign-in answers 401, which Chromium logs; that one entry is expected.
        browser.open("/login");
        browser.submitSignIn(home.email("USER"), "not-the-password");
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".auth-card"), "Invalid e-mail or password."));
        assertThat(browser.switchTo().activeElement().getText()).as("focus on the explanation")
                .contains("Invalid e-mail or password.");
        browser.screenshot("login-error.png");
        assertThat(browser.consoleErrors()).allMatch(message -> message.contains("/login") && message.contains("401"));
    }
}
