package app.covenant.contracts.pages;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.BrowserSession;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
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
 * drafts a contract from a seeded template and submits it; legal sends it back from the approval queue's comment
 * dialog; the user edits it and submits again; legal approves from the queue, finance on the contract's page; the
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
    void userDraftsLegalSendsBackUserEditsLegalThenFinanceApprove() {
        Tenant tenant = TestTenants.create(jdbc);
        ResponseEntity<JsonNode> flag = http.exchange("/api/v1/feature-flags/FINANCE_WORKFLOW", HttpMethod.PUT,
                new HttpEntity<>(Map.of("enabled", true), SignIn.bearer(SignIn.accessToken(http,
                        tenant.email("ADMIN")))), JsonNode.class);
        assertThat(flag.getStatusCode().is2xxSuccessful()).as("finance workflow on: %s", flag.getBody()).isTrue();

        UUID contract = draftFromTheMutualNda(tenant);
        String page = "/contracts/" + contract;

        signInAs(tenant, "USER");
        browser.open(page);
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
        dialog.findElement(By.cssSelector("[data-decision-submit]")).click();
        awaitDone("approval-revision-requested");
        assertThat(browser.findElements(By.cssSelector("#approval-queue tr[data-contract='" + contract + "']")))
                .isEmpty();

        // The owner edits it and submits it again.
        signInAs(tenant, "USER");
        browser.open(page + "?tab=approvals");
        assertThat(statusShown()).isEqualTo("REVISION_REQUESTED");
        assertThat(browser.getPageSource()).contains(REVISION);
        editAsTheOwner(tenant, contract);
        browser.open(page);
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
        browser.manage().deleteAllCookies();
    }

    private UUID draftFromTheMutualNda(Tenant tenant) {
        UUID template = jdbc.queryForObject("select id from contract_templates where code = 'MUTUAL-NDA'", UUID.class);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("templateId", template);
        body.put("title", "Mutual NDA with Hudson Builders");
        body.put("counterpartyName", "Hudson Builders");
        body.put("counterpartyEmail", "legal@hudson.test");
        body.put("startDate", "2027-01-01");
        body.put("endDate", "2028-12-31");
        body.put("amount", "0");
        body.put("variables", ndaVariables());
        ResponseEntity<JsonNode> created = SignIn.post(http, "/api/v1/contracts", body,
                SignIn.accessToken(http, tenant.email("USER")));
        assertThat(created.getStatusCode().value()).as("draft: %s", created.getBody()).isEqualTo(201);
        return UUID.fromString(created.getBody().get("id").asString());
    }

    private void editAsTheOwner(Tenant tenant, UUID contract) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Mutual NDA with Hudson Builders");
        body.put("counterpartyName", "Hudson Builders");
        body.put("counterpartyEmail", "legal@hudson.test");
        body.put("startDate", "2027-01-01");
        body.put("endDate", "2028-12-31");
        body.put("amount", "0");
        Map<String, String> variables = ndaVariables();
        variables.put("REPRESENTATIVES", "Each party's directors, officers and outside counsel.");
        body.put("variables", variables);
        ResponseEntity<JsonNode> saved = http.exchange("/api/v1/contracts/" + contract, HttpMethod.PUT,
                new HttpEntity<>(body, SignIn.bearer(SignIn.accessToken(http, tenant.email("USER")))), JsonNode.class);
        assertThat(saved.getStatusCode().value()).as("edit: %s", saved.getBody()).isEqualTo(200);
    }

    private static Map<String, String> ndaVariables() {
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
        return variables;
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
