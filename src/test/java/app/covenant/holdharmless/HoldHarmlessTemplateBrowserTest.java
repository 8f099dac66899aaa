package app.covenant.holdharmless;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.insurance.programs.DefaultPrograms;
import app.covenant.support.BrowserSession;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.io.IOException;
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
 * The program page's hold-harmless template editor in a real headless Chromium: the preview shows the
 * organization's default while the program has none, "Start from the default template" copies it in, a placeholder
 * clicked in is previewed with its sample value as you type, {@code {{NOPE}}} shows the server's message, and on a
 * phone the preview sits below the template.
 */
@IntegrationTest
class HoldHarmlessTemplateBrowserTest {

    // The unknown placeholder's 400 is logged by Chromium as a failed resource load: the test reads the console.
    @RegisterExtension
    static final BrowserSession browser = BrowserSession.leavingTheConsoleToTheTest();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DefaultPrograms defaults;

    @Test
    void thePreviewFollowsTheTemplateAsYouType() throws IOException {
        Tenant tenant = TestTenants.create(jdbc);
        defaults.seed(tenant.organizationId());
        UUID standard = jdbc.queryForObject("select id from insurance_programs where organization_id = ? and is_default",
                UUID.class, tenant.organizationId());
        jdbc.update("update insurance_programs set hold_harmless_template = null where id = ?", standard);
        browser.resize(1280, 1000);
        browser.open("/login?next=/insurance/programs/" + standard);
        browser.submitSignIn(tenant.email("MANAGER"));
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-agreement-editor]")));

        WebElement editor = browser.findElement(By.cssSelector("[data-agreement-editor]"));
        WebElement preview = browser.findElement(By.cssSelector("[data-preview]"));
        WebElement error = browser.findElement(By.cssSelector("[data-preview-error]"));
        WebElement template = browser.findElement(By.id("pr-template"));
        browser.waitUntil(ExpectedConditions.attributeToBe(editor, "data-preview-state", "ready"));
        assertThat(preview.getText()).as("no template of its own: the organization's default")
                .contains("Hold Harmless and Indemnification Agreement", "Gowanus Canal Residences");
        assertThat(browser.findElement(By.cssSelector("[data-uses-default]")).isDisplayed()).isTrue();

        browser.findElement(By.cssSelector("[data-start-from-default]")).click();
        browser.waitUntil(d -> template.getDomProperty("value").contains("indemnify"));
        assertThat(browser.findElement(By.cssSelector("[data-uses-default]")).isDisplayed()).isFalse();

        template.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        template.sendKeys("<p>Built for ");
        browser.findElement(By.cssSelector("[data-placeholder='{{PROJECT_NAME}}']")).click();
        template.sendKeys(" by me.</p>");
        assertThat(template.getDomProperty("value")).isEqualTo("<p>Built for {{PROJECT_NAME}} by me.</p>");
        browser.waitUntil(ExpectedConditions.textToBePresentInElement(preview,
                "Built for Gowanus Canal Residences by me."));
        assertThat(error.isDisplayed()).isFalse();
        assertThat(preview.findElements(By.tagName("p"))).hasSize(1);
        browser.screenshot("hold-harmless-template-preview.png");

        template.sendKeys(Keys.END, "<p>{{NOPE}}</p>");
        browser.waitUntil(ExpectedConditions.textToBePresentInElement(error, "{{NOPE}}"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).contains("unknown placeholder {{NOPE}}");
        assertThat(template.getDomAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("hold-harmless-template-unknown-placeholder.png");

        template.sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE,
                Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE,
                Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE);
        browser.waitUntil(ExpectedConditions.attributeToBe(editor, "data-preview-state", "ready"));
        assertThat(error.isDisplayed()).isFalse();
        assertThat(browser.consoleErrors()).allSatisfy(entry -> assertThat(entry).contains("400"));

        browser.resize(390, 844);
        WebElement pane = browser.findElement(By.cssSelector("[data-preview-pane]"));
        assertThat(pane.getRect().getY()).as("on a phone the preview is below the template")
                .isGreaterThan(template.getRect().getY() + template.getRect().getHeight());
        assertThat((Boolean) browser.executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
    }
}
