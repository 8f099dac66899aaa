package app.covenant.insurance.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.documents.DocumentFixtures;
import app.covenant.support.BrowserSession;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The certificate journey in a real headless Chromium, through the pages only: the GC assigns a sub to a project
 * (which requests its certificate),
 * the sub names its broker, the broker uploads an ACORD 25 and enters a GL limit below the minimum and attests,
 * the reviewer sees the finding beside the drawn certificate and rejects, the broker starts the correction,
 * fixes the limit and attests again, and the reviewer approves: the certificate is active. No console errors.
 */
@IntegrationTest
class CertificateJourneyBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.checkingTheConsole();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void assigned_named_uploaded_rejected_corrected_and_approved() throws IOException {
        InsuranceFixtures fixtures = new InsuranceFixtures(jdbc);
        Tenant tenant = TestTenants.create(jdbc);
        fixtures.program(tenant, true);
        UUID gc = fixtures.contractor(tenant, "GENERAL_CONTRACTOR", "Hudson Builders LLC", null);
        fixtures.link(gc, tenant.userId("CONTRACTOR"));
        UUID sub = fixtures.contractor(tenant, "SUBCONTRACTOR", "Demo Electric", "office@demo-electric.test");
        fixtures.link(sub, tenant.userId("SUBCONTRACTOR"));
        UUID project = fixtures.project(tenant, gc, "Hudson Tower", null, LocalDate.now().plusMonths(3), null);
        // The sub works for this GC already; assigning it to the project is the GC's step below.
        jdbc.update("insert into insurance_gc_subcontractors (gc_id, sub_id, created_at) values (?, ?, now())", gc, sub);
        jdbc.update("insert into insurance_brokers (id, organization_id, name, company, email, phone, created_at, "
                + "updated_at) values (?, ?, 'Brooke Broker', 'Acme Insurance', ?, '555-0100', now(), now())",
                UUID.randomUUID(), tenant.organizationId(), tenant.email("BROKER").toLowerCase());
        Path acord = Files.createTempDirectory("covenant-acord").resolve("acord25.pdf");
        Files.write(acord, DocumentFixtures.pdf(1));
        browser.resize(1280, 1000);

        // The GC assigns the sub on the project page: the assignment itself requests the certificate.
        signIn(tenant.email("CONTRACTOR"));
        browser.open("/insurance/projects/" + project);
        new Select(browser.findElement(By.id("assign-sub"))).selectByVisibleText("Demo Electric");
        browser.findElement(By.id("assign-trades")).sendKeys("Electrical");
        browser.findElement(By.cssSelector("#assign-form button[type=submit]")).click();
        // The project page now lists the sub with its new certificate's badge (the success toast may cover it).
        String certificate = browser.waitUntil(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#assignments a[href*='/insurance/certificates/']"))).getAttribute("href");
        browser.open(java.net.URI.create(certificate).getPath());
        browser.waitForTitle("Hudson Tower — Demo Electric · Covenant");
        UUID coi = UUID.fromString(browser.findElement(By.id("coi-page")).getAttribute("data-coi"));
        assertThat(browser.findElement(By.id("coi-next")).getText()).contains("Waiting for the sub to name a broker");
        assertThat(fixtures.status(coi)).isEqualTo("AWAITING_BROKER_INFO");

        // The sub names the broker from its portal.
        signIn(tenant.email("SUBCONTRACTOR"));
        browser.open("/insurance/certificates");
        browser.findElement(By.cssSelector("[data-call-to-action='" + coi + "']")).click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("broker-GLOBAL-name")));
        // A broker the organization already knows is suggested while the name is typed, and reused.
        browser.findElement(By.id("broker-GLOBAL-name")).sendKeys("Broo");
        WebElement suggestion = browser.waitUntil(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-broker-line=GLOBAL] [data-broker-suggestion]")));
        assertThat(suggestion.getText()).contains("Brooke Broker", "Acme Insurance");
        suggestion.click();
        assertThat(browser.findElement(By.id("broker-GLOBAL-email")).getAttribute("value"))
                .isEqualTo(tenant.email("BROKER").toLowerCase());
        assertThat(browser.findElement(By.id("broker-GLOBAL-name")).getAttribute("value")).isEqualTo("Brooke Broker");
        browser.findElement(By.cssSelector("[data-broker-form] button[type=submit]")).click();
        waitForStatus("AWAITING_BROKER_UPLOAD");
        assertThat(browser.findElement(By.id("coi-brokers")).getText()).contains("Brooke Broker");

        // The broker uploads the ACORD 25, enters a GL limit below the minimum, submits and attests.
        signIn(tenant.email("BROKER"));
        browser.open("/insurance/certificates/" + coi);
        browser.findElement(By.id("coi-file")).sendKeys(acord.toString());
        new Select(browser.findElement(By.id("coi-kind"))).selectByValue("ACORD25");
        browser.findElement(By.cssSelector("#coi-upload button[type=submit]")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-document-kind=ACORD25]")));
        // This PDF has no text: it is read by OCR in the background while the page polls, then reloads itself. A
        // user waits for "Reading…" to go before typing, so does the test (on a busy machine it takes seconds).
        browser.waitUntil(Duration.ofSeconds(60), driver -> driver.findElements(
                By.cssSelector("#coi-reading[data-reading-status=READING]")).isEmpty());
        fillGl("500,000");
        attestAndSubmit();
        waitForStatus("AWAITING_ADMIN_REVIEW");

        // The reviewer sees the finding beside the certificate's page and rejects.
        signIn(tenant.email("MANAGER"));
        browser.open("/insurance/review");
        browser.findElement(By.cssSelector("tr[data-coi='" + coi + "'] a")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("review-decision")));
        WebElement page = browser.findElement(By.cssSelector("img.coi-page-image"));
        browser.waitUntil(driver -> (Boolean) browser.executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0;", page));
        assertThat(browser.findElement(By.id("review-findings")).getText()).containsIgnoringCase("occurrence");
        assertThat(browser.findElements(By.cssSelector("#review-findings [data-overridden=false]"))).isNotEmpty();
        assertThat(browser.findElement(By.id("deficiency-0-message")).getAttribute("value")).isNotBlank();
        browser.screenshot("certificate-review.png");
        fitsAPhone("/insurance/certificates/" + coi + "/review");
        browser.findElement(By.id("reject")).click();
        waitForStatus("DEFICIENCY_PENDING");

        // The broker starts the correction, fixes the limit and attests again.
        signIn(tenant.email("BROKER"));
        browser.open("/insurance/certificates/" + coi);
        assertThat(browser.findElement(By.id("deficiencies")).getText()).containsIgnoringCase("occurrence");
        browser.findElement(By.cssSelector("#resubmit button[type=submit]")).click();
        WebElement dialog = browser.findElement(By.id("confirm-dialog"));
        browser.waitUntil(driver -> dialog.isDisplayed());
        dialog.findElement(By.cssSelector("[data-confirm-ok]")).click();
        waitForStatus("AWAITING_BROKER_UPLOAD");
        fitsAPhone("/insurance/certificates/" + coi);
        WebElement limit = browser.findElement(By.id("policy-0-GL-EACH_OCCURRENCE"));
        assertThat(limit.getAttribute("value")).isEqualTo("500,000");
        limit.clear();
        limit.sendKeys("1,000,000");
        attestAndSubmit();
        waitForStatus("AWAITING_ADMIN_REVIEW");

        // The reviewer approves.
        signIn(tenant.email("MANAGER"));
        browser.open("/insurance/certificates/" + coi + "/review");
        assertThat(browser.findElements(By.cssSelector("#review-findings [data-overridden=false]"))).isEmpty();
        browser.findElement(By.id("approve")).click();
        WebElement confirm = browser.findElement(By.id("confirm-dialog"));
        browser.waitUntil(driver -> confirm.isDisplayed());
        confirm.findElement(By.cssSelector("[data-confirm-ok]")).click();
        waitForStatus("ACTIVE");
        assertThat(fixtures.status(coi)).isEqualTo("ACTIVE");
        browser.screenshot("certificate-active.png");
    }

    /** The page at a phone's width: nothing wider than the screen (tables scroll inside their own box). */
    private static void fitsAPhone(String path) throws IOException {
        browser.resize(390, 844);
        browser.open(path);
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main")));
        browser.screenshot("phone" + path.replace('/', '-') + ".png");
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        Object widest = browser.executeScript("""
                var width = document.documentElement.clientWidth;
                return Array.from(document.querySelectorAll('main *'))
                  .filter(function (e) { return e.getBoundingClientRect().right > width + 1; })
                  .slice(0, 5).map(function (e) { return e.tagName + '#' + e.id + '.' + e.className; }).join(', ');""");
        assertThat(((Number) overflow).longValue()).as("horizontal overflow of %s on a phone: %s", path, widest)
                .isLessThanOrEqualTo(0);
        browser.resize(1280, 1000);
        browser.open(path);
    }

    private static void signIn(String email) {
        browser.manage().deleteAllCookies();
        browser.signIn(email);
    }

    private static void waitForStatus(String status) {
        browser.waitUntil(ExpectedConditions.attributeToBe(By.id("coi-page"), "data-status", status));
    }

    private static void fillGl(String eachOccurrence) {
        new Select(browser.findElement(By.id("policy-0-line"))).selectByValue("GL");
        browser.findElement(By.id("policy-0-insurer")).sendKeys("Hartford Fire Insurance");
        browser.findElement(By.id("policy-0-naic")).sendKeys("19682");
        browser.findElement(By.id("policy-0-number")).sendKeys("GL-2026-1001");
        browser.executeScript("arguments[0].value = arguments[1]; arguments[2].value = arguments[3];",
                browser.findElement(By.id("policy-0-effective")), LocalDate.now().minusDays(30).toString(),
                browser.findElement(By.id("policy-0-expiration")), LocalDate.now().plusYears(1).toString());
        browser.findElement(By.id("policy-0-GL-EACH_OCCURRENCE")).sendKeys(eachOccurrence);
        browser.findElement(By.id("policy-0-GL-GENERAL_AGGREGATE")).sendKeys("2,000,000");
    }

    private static void attestAndSubmit() {
        WebElement signer = browser.findElement(By.id("coi-signer"));
        signer.clear();
        signer.sendKeys("Brooke Broker");
        WebElement consent = browser.findElement(By.id("coi-consent"));
        if (!consent.isSelected()) {
            consent.click();
        }
        browser.findElement(By.id("coi-submit")).click();
    }
}
