package app.covenant.insurance.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.insurance.extraction.Acord25Samples;
import app.covenant.support.BrowserSession;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Reading certificates in the workflow, in a real headless Chromium: the broker uploads a fillable ACORD 25 and
 * finds the policy form filled in from it (each value with its confidence, the page beside the form), corrects the
 * GL policy number, submits and attests; the reviewer sees the page image beside the rows, the corrected value
 * marked as such, and focusing a value outlines its place on the page. No console errors.
 */
@IntegrationTest
class CertificateReadingBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.checkingTheConsole();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    @Test
    void uploaded_read_prefilled_corrected_attested_and_reviewed_side_by_side() throws IOException {
        InsuranceFixtures fixtures = new InsuranceFixtures(jdbc);
        Tenant tenant = TestTenants.create(jdbc);
        UUID gc = fixtures.contractor(tenant, "GENERAL_CONTRACTOR", "Hudson Builders LLC", null);
        fixtures.link(gc, tenant.userId("CONTRACTOR"));
        UUID sub = fixtures.contractor(tenant, "SUBCONTRACTOR", "Demo Electric", "office@demo-electric.test");
        fixtures.link(sub, tenant.userId("SUBCONTRACTOR"));
        UUID project = fixtures.project(tenant, gc, "Hudson Tower", null, LocalDate.now().plusMonths(3), null);
        fixtures.assign(project, sub, "Electrical");
        JsonNode created = SignIn.post(http, "/api/v1/cois", Map.of("projectId", project, "subcontractorId", sub),
                SignIn.accessToken(http, tenant.email("MANAGER"))).getBody();
        UUID coi = UUID.fromString(created.get("id").asString());
        http.exchange("/api/v1/cois/" + coi + "/broker-info", HttpMethod.PUT, new HttpEntity<>(Map.of("brokerType",
                "GLOBAL", "global", Map.of("name", "Brooke Broker", "company", "Acme Insurance", "email",
                        tenant.email("BROKER"), "phone", "555-0100")), SignIn.bearer(SignIn.accessToken(http,
                tenant.email("SUBCONTRACTOR")))), JsonNode.class);
        long seed = Acord25Samples.withGlAndWc(4900);
        Map<String, String> printed = Acord25Samples.values(seed);
        Path acord = Files.createTempDirectory("covenant-acord").resolve("acord25.pdf");
        Files.write(acord, Acord25Samples.fillable(seed));
        browser.resize(1280, 1000);

        // The broker uploads the ACORD 25: the form comes back filled in from it, beside the page.
        signIn(tenant.email("BROKER"));
        browser.open("/insurance/certificates/" + coi);
        browser.findElement(By.id("coi-file")).sendKeys(acord.toString());
        new Select(browser.findElement(By.id("coi-kind"))).selectByValue("ACORD25");
        browser.findElement(By.cssSelector("#coi-upload button[type=submit]")).click();
        browser.waitUntil(ExpectedConditions.attributeToBe(By.id("coi-reading"), "data-reading-status", "EXTRACTED"));
        assertThat(browser.findElement(By.id("coi-reading")).getText()).contains("values read", "0 values read were corrected");
        assertThat(new Select(browser.findElement(By.id("policy-0-line"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("GL");
        WebElement number = browser.findElement(By.id("policy-0-number"));
        assertThat(number.getAttribute("value")).isEqualTo(printed.get("Policy_GeneralLiability_PolicyNumberIdentifier_A"));
        assertThat(browser.findElements(By.cssSelector("#policies [data-read-badge]"))).isNotEmpty()
                .allSatisfy(badge -> assertThat(badge.getText()).matches("read \\d+%|not read|corrected"));
        assertThat(browser.findElements(By.cssSelector("[data-policy-row]")).size()).isGreaterThanOrEqualTo(2);
        waitForPageImage();
        assertHighlights(number, "GL.policyNumber");
        browser.screenshot("certificate-prefilled.png");

        // …corrects one value, submits and attests.
        number.clear();
        number.sendKeys("GL-CORRECTED-7");
        WebElement signer = browser.findElement(By.id("coi-signer"));
        signer.sendKeys("Brooke Broker");
        browser.findElement(By.id("coi-consent")).click();
        browser.findElement(By.id("coi-submit")).click();
        browser.waitUntil(ExpectedConditions.attributeToBe(By.id("coi-page"), "data-status", "AWAITING_ADMIN_REVIEW"));
        assertThat(browser.findElement(By.id("coi-corrected")).getText()).isEqualTo("1 value read was corrected.");
        assertThat(jdbc.queryForList("select field from insurance_extraction_corrections where coi_id = ?", String.class,
                coi)).containsExactly("GL.policyNumber");

        // The reviewer sees the page and the rows side by side, the corrected value marked.
        signIn(tenant.email("MANAGER"));
        browser.open("/insurance/certificates/" + coi + "/review");
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("review-decision")));
        waitForPageImage();
        WebElement reviewed = browser.findElement(By.id("policy-0-number"));
        assertThat(reviewed.getAttribute("value")).isEqualTo("GL-CORRECTED-7");
        String row = browser.findElement(By.cssSelector("[data-policy-row]")).getText();
        assertThat(row).contains("corrected", "read as “" + printed.get("Policy_GeneralLiability_PolicyNumberIdentifier_A") + "”");
        Rectangle image = browser.findElement(By.cssSelector("[data-acord-page] img")).getRect();
        Rectangle form = browser.findElement(By.id("review-policies")).getRect();
        assertThat(form.getX()).as("the rows sit beside the page").isGreaterThanOrEqualTo(image.getX() + image.getWidth());
        assertHighlights(reviewed, "GL.policyNumber");
        assertHighlights(browser.findElement(By.id("policy-0-GL-EACH_OCCURRENCE")), "GL.limits.EACH_OCCURRENCE");
        browser.screenshot("certificate-review-reading.png");

        // On a phone the page and the rows stack, nothing wider than the screen.
        browser.resize(390, 844);
        browser.open("/insurance/certificates/" + coi + "/review");
        waitForPageImage();
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).longValue()).isLessThanOrEqualTo(0);
        Rectangle stackedImage = browser.findElement(By.cssSelector("[data-acord-page] img")).getRect();
        assertThat(browser.findElement(By.id("review-policies")).getRect().getY())
                .isGreaterThanOrEqualTo(stackedImage.getY() + stackedImage.getHeight());
        browser.resize(1280, 1000);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Focusing the value (by keyboard) outlines a box on the page image, inside the image. */
    private static void assertHighlights(WebElement input, String key) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", input);
        browser.waitUntil(ExpectedConditions.attributeToBe(By.cssSelector("[data-acord-page]"), "data-highlighted", key));
        WebElement box = browser.findElement(By.cssSelector("[data-acord-box]"));
        assertThat(box.isDisplayed()).isTrue();
        Rectangle page = browser.findElement(By.cssSelector("[data-acord-page] img")).getRect();
        Rectangle outline = box.getRect();
        assertThat(outline.getWidth()).isPositive();
        assertThat(outline.getX()).isBetween(page.getX(), page.getX() + page.getWidth());
        assertThat(outline.getY()).isBetween(page.getY(), page.getY() + page.getHeight());
    }

    private static void waitForPageImage() {
        WebElement page = browser.findElement(By.cssSelector("[data-acord-page] img"));
        browser.waitUntil(driver -> (Boolean) browser.executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0;", page));
    }

    private static void signIn(String email) {
        browser.manage().deleteAllCookies();
        browser.signIn(email);
    }
}
