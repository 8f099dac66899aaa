package app.covenant.contracts.templates;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.BrowserSession;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The contract template editor in a real headless Chromium: a legal manager writes a body in the rich-text area,
 * inserts {@code {{CLIENT_NAME}}} at the cursor with the toolbar, adds an annexure and inserts placeholders there from
 * the variable panel and with Enter in the key input, sees the panel and the live preview follow, saves, and the API
 * answers the stored template with those variables and the annexure.
 */
@IntegrationTest
class TemplateEditorBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.checkingTheConsole();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Test
    void aLegalManagerWritesATemplateWithAPlaceholderAndAnAnnexure() {
        Tenant tenant = TestTenants.create(jdbc);
        browser.resize(1280, 1000);
        browser.signIn(tenant.email("LEGAL_MANAGER"));
        browser.open("/contracts/templates/new");
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ctpl-area")));

        browser.findElement(By.id("ctpl-name")).sendKeys("Browser service agreement");
        browser.findElement(By.id("ctpl-code")).sendKeys("BROWSER-SA");
        new Select(browser.findElement(By.id("ctpl-category-input"))).selectByValue("SERVICE_AGREEMENT");

        WebElement body = browser.findElement(By.cssSelector("section > [data-ctpl-rich] .ctpl-area"));
        body.click();
        body.sendKeys("This agreement is made with ");
        WebElement bodyToolbar = browser.findElement(By.cssSelector("section > [data-ctpl-rich] .ctpl-toolbar"));
        bodyToolbar.findElement(By.cssSelector(".ctpl-key-input")).sendKeys("client name");
        bodyToolbar.findElement(By.cssSelector("[aria-label='Insert placeholder']")).click();
        browser.waitUntil(d -> body.getText().contains("{{CLIENT_NAME}}"));
        assertThat(body.getText()).as("the placeholder goes where the cursor was")
                .isEqualTo("This agreement is made with {{CLIENT_NAME}}");
        WebElement bodySource = browser.findElement(By.id("ctpl-body"));
        assertThat(bodySource.getDomProperty("value")).contains("This agreement is made with {{CLIENT_NAME}}");

        browser.findElement(By.cssSelector("[data-ctpl-add-annexure]")).click();
        WebElement annexure = browser.waitUntil(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#ctpl-annexures [data-ctpl-annexure]")));
        annexure.findElement(By.name("annexureTitle")).sendKeys("Annexure A: Scope of work");
        WebElement annexureArea = annexure.findElement(By.cssSelector(".ctpl-area"));
        annexureArea.click();
        annexureArea.sendKeys("The provider cleans the lobby every day for ");

        // The variable panel lists the placeholder, and its "Insert" puts it at the cursor of the last edited area.
        WebElement insertClient = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ctpl-variables [data-variable='CLIENT_NAME'] [data-ctpl-insert]")));
        // Centred first: scrolled to the top edge it would sit under the sticky header.
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", insertClient);
        insertClient.click();
        browser.waitUntil(d -> annexureArea.getText().contains("{{CLIENT_NAME}}"));
        assertThat(annexureArea.getText()).isEqualTo("The provider cleans the lobby every day for {{CLIENT_NAME}}");

        // Enter in the toolbar's key input inserts the placeholder and does not submit the form.
        annexure.findElement(By.cssSelector(".ctpl-key-input")).sendKeys("PROVIDER_NAME", Keys.ENTER);
        browser.waitUntil(d -> annexureArea.getText().contains("{{PROVIDER_NAME}}"));
        assertThat(annexureArea.getText())
                .isEqualTo("The provider cleans the lobby every day for {{CLIENT_NAME}}{{PROVIDER_NAME}}");
        assertThat(browser.getCurrentUrl()).endsWith("/contracts/templates/new");

        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#ctpl-variables [data-variable='PROVIDER_NAME']")));
        WebElement preview = browser.findElement(By.id("ctpl-preview"));
        browser.waitUntil(ExpectedConditions.textToBePresentInElement(preview, "The provider cleans the lobby every day for"));
        browser.waitUntil(ExpectedConditions.textToBePresentInElement(preview, "PROVIDER_NAME"));
        assertThat(preview.getText()).contains("This agreement is made with", "Annexure A: Scope of work");
        assertThat(browser.findElements(By.id("ctpl-no-variables"))).isEmpty();

        browser.findElement(By.id("ctpl-save")).click();
        browser.waitUntil(ExpectedConditions.urlContains("done=contract-template-created"));
        String id = browser.getCurrentUrl().replaceAll(".*/contracts/templates/([0-9a-f-]{36}).*", "$1");

        String token = SignIn.accessToken(http, tenant.email("LEGAL_MANAGER"));
        ResponseEntity<JsonNode> stored = SignIn.get(http, "/api/v1/templates/" + id, token);
        assertThat(stored.getStatusCode().value()).isEqualTo(200);
        JsonNode template = stored.getBody();
        assertThat(template.get("code").asString()).isEqualTo("BROWSER-SA");
        assertThat(template.get("category").asString()).isEqualTo("SERVICE_AGREEMENT");
        assertThat(template.get("bodyHtml").asString()).contains("This agreement is made with {{CLIENT_NAME}}");
        List<String> keys = new ArrayList<>();
        template.get("variables").forEach(variable -> keys.add(variable.get("key").asString()));
        assertThat(keys).containsExactlyInAnyOrder("CLIENT_NAME", "PROVIDER_NAME");
        assertThat(template.get("annexures")).hasSize(1);
        assertThat(template.get("annexures").get(0).get("title").asString()).isEqualTo("Annexure A: Scope of work");
        assertThat(template.get("annexures").get(0).get("html").asString())
                .contains("The provider cleans the lobby every day for {{CLIENT_NAME}}{{PROVIDER_NAME}}");
    }
}
