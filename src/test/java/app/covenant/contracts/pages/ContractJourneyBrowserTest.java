package app.covenant.contracts.pages;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.BrowserSession;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14's browser journey in a headless Chromium, with the organization's finance workflow on: a business user
 * drafts a contract from a seeded template through the new-contract wizard and submits it; legal sends it back from the
 * approval queue's comment dialog; the user edits it on the edit page and submits again; legal approves from the queue, finance on the contract's page; the
 * page then says APPROVED and its approvals tab shows both rounds, the first with legal's comment.
 */
@IntegrationTest
class ContractJourneyBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.checkingTheConsole();

    private static final String REVISION = "Please name the permitted representatives.";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    @Test
    void userDraftsLegalSendsBackUserEditsLegalThenFinanceApprove() throws IOException {
        Tenant tenant = TestTenants.create(jdbc);
        ResponseEntity<JsonNode> flag = http.exchange("/api/v1/feature-flags/FINANCE_WORKFLOW", HttpMethod.PUT,
                new HttpEntity<>(Map.of("enabled", true), SignIn.bearer(SignIn.accessToken(http,
                        tenant.email("ADMIN")))), JsonNode.class);
        assertThat(flag.getStatusCode().is2xxSuccessful()).as("finance workflow on: %s", flag.getBody()).isTrue();

        signInAs(tenant, "USER");
        UUID contract = draftThroughTheWizard();
        String page = "/contracts/" + contract;
        assertThat(statusShown()).isEqualTo("DRAFT");
        browser.findElement(By.id("contract-submit")).click();
        awaitDone("submitted-for-approval");
        assertThat(statusShown()).isEqualTo("SENT_TO_LEGAL");

        // Legal sends it back from the queue, through the comment dialog.
        signInAs(tenant, "LEGAL_MANAGER");
        browser.open("/contracts/approvals");
        WebElement row = browser.findElement(By.cssSelector("#approval-queue tr[data-contract='" + contract + "']"));
        row.findElement(By.xpath(".//button[normalize-space()='Request revision']")).click();
        WebElement dialog = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("decision-dialog")));
        dialog.findElement(By.id("decision-comment")).sendKeys(REVISION);
        browser.screenshot("contract-queue-revision-dialog.png");
        dialog.findElement(By.cssSelector("[data-decision-submit]")).click();
        awaitDone("approval-revision-requested");
        assertThat(browser.findElements(By.cssSelector("#approval-queue tr[data-contract='" + contract + "']")))
                .isEmpty();

        // The owner edits it and submits it again.
        signInAs(tenant, "USER");
        browser.open(page + "?tab=approvals");
        assertThat(statusShown()).isEqualTo("REVISION_REQUESTED");
        assertThat(browser.getPageSource()).contains(REVISION);
        browser.findElement(By.id("contract-edit")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("contract-edit-form")));
        assertThat(browser.findElement(By.id("revision-comments")).getText()).contains(REVISION);
        WebElement description = browser.findElement(By.id("c-description"));
        description.clear();
        description.sendKeys("Representatives named as legal asked.");
        browser.findElement(By.id("save-contract")).click();
        awaitDone("contract-version-saved");
        assertThat(statusShown()).isEqualTo("REVISION_REQUESTED");
        browser.findElement(By.id("contract-submit")).click();
        awaitDone("submitted-for-approval");
        assertThat(statusShown()).isEqualTo("SENT_TO_LEGAL");

        // Legal approves from the queue; finance decides next (the organization's finance workflow).
        signInAs(tenant, "LEGAL_MANAGER");
        browser.open("/contracts/approvals?type=LEGAL");
        browser.findElement(By.cssSelector("#approval-queue tr[data-contract='" + contract + "'] [data-quick-approve]"))
                .click();
        awaitDone("approval-given");

        signInAs(tenant, "FINANCE_MANAGER");
        browser.open("/contracts/approvals");
        assertThat(browser.findElement(By.cssSelector("#approval-queues")).getAttribute("data-queue"))
                .isEqualTo("FINANCE");
        browser.findElement(By.cssSelector("#approval-queue tr[data-contract='" + contract + "'] a")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("contract-approve")));
        assertThat(statusShown()).isEqualTo("SENT_TO_FINANCE");
        browser.findElement(By.id("contract-approve")).click();
        awaitDone("approval-given");

        signInAs(tenant, "USER");
        browser.open(page + "?tab=approvals");
        assertThat(statusShown()).isEqualTo("APPROVED");
        assertThat(browser.findElements(By.cssSelector("[data-round]"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("[data-round='1']")).getText()).contains(REVISION)
                .contains("Test LEGAL_MANAGER");
        WebElement second = browser.findElement(By.cssSelector("[data-round='2']"));
        assertThat(second.findElements(By.cssSelector("[data-approval-status='APPROVED']"))).hasSize(2);
        assertThat(second.getText()).contains("Test LEGAL_MANAGER").contains("Test FINANCE_MANAGER");
        browser.fullPageScreenshot("contract-approved-approvals-tab.png");
        browser.manage().deleteAllCookies();
    }

    /** Through /contracts/new: the seeded mutual NDA, the details, its variables, review, create. */
    private UUID draftThroughTheWizard() {
        UUID template = jdbc.queryForObject("select id from contract_templates where code = 'MUTUAL-NDA'", UUID.class);
        browser.open("/contracts/new");
        browser.findElement(By.cssSelector("label[for='source-" + template + "']")).click();
        next();
        type("c-title", "Mutual NDA with Hudson Builders");
        type("c-counterparty", "Hudson Builders");
        type("c-email", "legal@hudson.test");
        type("c-start", "2027-01-01");
        type("c-end", "2028-12-31");
        type("c-amount", "0");
        next();
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("EFFECTIVE_DATE", "2027-01-01");
        variables.put("PARTY_A_NAME", "Covenant Test Co");
        variables.put("PARTY_A_ADDRESS", "1 Main Street, New York");
        variables.put("PARTY_B_NAME", "Hudson Builders");
        variables.put("PARTY_B_ADDRESS", "2 River Road, Albany");
        variables.put("PARTY_A_SIGNATORY", "Uma User");
        variables.put("PARTY_A_TITLE", "Director");
        variables.put("PARTY_B_SIGNATORY", "Hal Hudson");
        variables.put("PARTY_B_TITLE", "President");
        variables.forEach((key, value) -> type("var-" + template + "-" + key, value));
        // The live preview follows the typing; creating while it is still on its way would abort it (a console error).
        browser.waitUntil(driver -> browser.findElement(By.id("wizard-preview")).getText().contains("President")
                && browser.findElements(By.cssSelector(".htmx-request")).isEmpty());
        next();
        browser.waitUntil(ExpectedConditions.elementToBeClickable(By.id("create-contract"))).click();
        awaitDone("contract-created");
        String path = URI.create(browser.getCurrentUrl()).getPath();
        return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
    }

    private void next() {
        browser.waitUntil(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-wizard-next]"))).click();
    }

    /** Types into a field; a date field takes its ISO value directly (typing it depends on the browser's locale). */
    private void type(String id, String value) {
        WebElement field = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        if ("date".equals(field.getAttribute("type"))) {
            browser.executeScript("arguments[0].value = arguments[1];"
                    + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                    + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, value);
            return;
        }
        field.clear();
        field.sendKeys(value);
    }

    private void signInAs(Tenant tenant, String role) {
        browser.manage().deleteAllCookies();
        browser.signIn(tenant.email(role));
    }

    private void awaitDone(String key) {
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("done=" + key)
                || !driver.findElements(By.cssSelector(".form-error-summary")).isEmpty());
        assertThat(browser.getCurrentUrl()).as("%s: %s", key, browser.findElements(By.cssSelector(".form-error-summary"))
                .stream().map(WebElement::getText).findFirst().orElse("")).contains("done=" + key);
    }

    private String statusShown() {
        return browser.findElement(By.cssSelector("#contract-facts [data-status]")).getAttribute("data-status");
    }
}
