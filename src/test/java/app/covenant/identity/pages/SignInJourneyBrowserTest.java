package app.covenant.identity.pages;

import app.covenant.support.HeadlessChromium;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The journey of issue 3 in a real, headless Chromium (Debian's): sign in through the form, see the user
 * menu, switch organization, work on an administration page with htmx, sign out. The console must stay
 * free of errors — CSP violations and missing assets show up there.
 */
@PageTest
class SignInJourneyBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    TestTenants.Tenant home;
    TestTenants.Tenant second;

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
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterEach
    void consoleHasNoErrors() {
        assertThat(consoleErrors()).as("browser console errors (CSP violations, missing assets, script errors)")
                .isEmpty();
    }

    @Test
    void signInSwitchOrganizationWorkAndSignOut() throws IOException {
        browser.get(url("/admin/users"));
        assertThat(browser.getCurrentUrl()).contains("/login?next=%2Fadmin%2Fusers");
        assertThat(browser.getTitle()).isEqualTo("Sign in · Covenant");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus starts in the form")
                .isEqualTo("login-email");
        screenshot("login.png");

        browser.findElement(By.id("login-email")).sendKeys(home.email("ADMIN"));
        browser.findElement(By.id("login-password")).sendKeys(TestTenants.PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();

        wait(ExpectedConditions.titleIs("Users · Covenant"));
        WebElement menu = browser.findElement(By.cssSelector("[data-user-menu]"));
        assertThat(menu.getText()).contains("Test ADMIN", "Tenant " + home.code());
        assertThat(browser.findElement(By.id("users")).getText()).contains(home.email("BROKER"));
        screenshot("admin-users.png");

        // A row's action menu opens over the list, closes on Escape (focus back on its button), and its
        // actions come back to the same filtered list with the message at the top.
        UUID user = home.userId("USER");
        browser.get(url("/admin/users?status=ACTIVE"));
        WebElement rowMenu = browser.findElement(By.cssSelector("#user-" + user + " [data-row-menu]"));
        WebElement actions = rowMenu.findElement(By.tagName("summary"));
        assertThat(actions.getAccessibleName()).isEqualTo("Actions for Test USER");
        actions.click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#user-" + user + " .row-menu-panel")));
        screenshot("admin-users-row-menu.png");
        actions.sendKeys(Keys.ESCAPE);
        wait(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#user-" + user + " .row-menu-panel")));
        assertThat(browser.switchTo().activeElement()).isEqualTo(actions);
        actions.click();
        rowMenu.findElement(By.xpath(".//button[normalize-space()='Deactivate']")).click();
        // The page's own confirmation dialog (the web kit), not the browser's.
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
        browser.findElement(By.cssSelector("#confirm-dialog [data-confirm-ok]")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"),
                "The user is deactivated and signed out everywhere."));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/users?status=ACTIVE&done=deactivated");
        assertThat(new Select(browser.findElement(By.id("users-status"))).getFirstSelectedOption().getText())
                .isEqualTo("Active");

        browser.get(url("/"));
        menu = browser.findElement(By.cssSelector("[data-user-menu]"));
        menu.findElement(By.tagName("summary")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".user-menu-panel")));
        assertThat(menu.findElement(By.cssSelector(".user-menu-panel")).getText())
                .contains(home.email("ADMIN"), "Change password", "My sessions", "Sign out");
        screenshot("home-user-menu.png");
        menu.findElement(By.tagName("summary")).click();

        new Select(browser.findElement(By.id("org-switcher-select"))).selectByVisibleText("Tenant " + second.code());
        browser.findElement(By.cssSelector("[data-org-switcher] button")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-user-menu] summary"),
                "Tenant " + second.code()));
        browser.get(url("/admin/users"));
        assertThat(browser.findElement(By.id("users")).getText()).contains(second.email("BROKER"))
                .doesNotContain(home.email("BROKER"));

        browser.findElement(By.cssSelector("[data-user-menu] summary")).click();
        browser.findElement(By.cssSelector("[data-sign-out]")).click();
        wait(ExpectedConditions.titleIs("Sign in · Covenant"));
        assertThat(browser.findElement(By.cssSelector(".auth-card")).getText()).contains("You are signed out.");
        assertThat(browser.manage().getCookieNamed("covenant_access")).isNull();
        browser.get(url("/admin/users"));
        assertThat(browser.getCurrentUrl()).contains("/login?next=");
    }

    @Test
    void administrationPagesLookRightOnDesktopAndTablet() throws IOException {
        signIn(home.email("SUPER_ADMIN"));
        UUID adminRole = jdbc.queryForObject("select id from roles where scope_key = 'system' and code = 'ADMIN'",
                UUID.class);
        for (String[] page : new String[][]{{"/admin/roles", "admin-roles.png"},
                {"/admin/roles/" + adminRole, "admin-role-full.png"}, {"/admin/roles/new", "admin-role-new-full.png"},
                {"/admin/organizations", "admin-organizations.png"}, {"/admin/features", "admin-features.png"},
                {"/account/sessions", "account-sessions.png"}, {"/account/password", "account-password.png"},
                {"/admin/users/" + home.userId("MANAGER"), "admin-user.png"}}) {
            browser.get(url(page[0]));
            assertThat(browser.findElements(By.cssSelector("main h1"))).as(page[0]).isNotEmpty();
            if (page[1].endsWith("-full.png")) {
                fullPageScreenshot(page[1]);
            } else {
                screenshot(page[1]);
            }
        }

        // A switch flips in place.
        browser.get(url("/admin/features"));
        WebElement toggle = browser.findElement(By.cssSelector("#feature-FIXTURE_PREVIEW button[role=switch]"));
        assertThat(toggle.getAttribute("aria-checked")).isEqualTo("false");
        toggle.click();
        wait(ExpectedConditions.attributeToBe(By.cssSelector("#feature-FIXTURE_PREVIEW button[role=switch]"), "aria-checked", "true"));
        screenshot("admin-features-on.png");

        browser.manage().window().setSize(new Dimension(820, 1180));
        browser.get(url("/admin/users"));
        screenshot("admin-users-tablet.png");
        browser.get(url("/admin/roles/" + adminRole));
        screenshot("admin-role-tablet.png");
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        screenshot("login-tablet.png");
    }

    @Test
    void signInFormShowsTheServersMessageAndTheResetPagesRender() throws IOException {
        browser.get(url("/forgot-password"));
        screenshot("forgot-password.png");
        browser.get(url("/reset-password?token=no-such-token"));
        screenshot("reset-password.png");
        browser.get(url("/accept-invite?token=no-such-token"));
        screenshot("accept-invite.png");
        browser.get(url("/verify-email?token=no-such-token"));
        screenshot("verify-email.png");
        // A refused sign-in answers 401, which Chromium logs; that one entry is expected.
        browser.get(url("/login"));
        browser.findElement(By.id("login-email")).sendKeys(home.email("USER"));
        browser.findElement(By.id("login-password")).sendKeys("not-the-password");
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".auth-card"), "Invalid e-mail or password."));
        assertThat(browser.switchTo().activeElement().getText()).as("focus on the explanation")
                .contains("Invalid e-mail or password.");
        screenshot("login-error.png");
        assertThat(consoleErrors()).allMatch(message -> message.contains("/login") && message.contains("401"));
    }

    private void signIn(String email) {
        browser.get(url("/login"));
        browser.findElement(By.id("login-email")).sendKeys(email);
        browser.findElement(By.id("login-password")).sendKeys(TestTenants.PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-user-menu]")));
    }

    private static void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        // htmx replaces elements while we look at them: a stale one is simply looked up again.
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static List<String> consoleErrors() {
        return HeadlessChromium.consoleErrors(browser);
    }

    private static void fullPageScreenshot(String name) throws IOException {
        Dimension before = browser.manage().window().getSize();
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(before.getWidth(), Math.min(height.intValue() + 200, 6000)));
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
