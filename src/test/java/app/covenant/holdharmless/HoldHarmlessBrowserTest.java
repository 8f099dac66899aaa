package app.covenant.holdharmless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.support.BrowserSession;
import app.covenant.support.IntegrationTest;
import app.covenant.support.PdfVerification;
import app.covenant.support.SignIn;
import app.covenant.support.Viewport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The hold-harmless journey in a headless Chromium on a phone: a certificate approved on a program that requires the
 * agreement generates one awaiting the sub; the signed-in sub opens it from the home card and types a signature, the
 * GC countersigns with a drawn one, the agreement's page then says COMPLETED (once the engine has sealed the final
 * PDF), and that PDF, downloaded with the browser's session, verifies as ours and unchanged. Another sub declines
 * from the signing page with a reason and is back on the agreement, REJECTED.
 */
@IntegrationTest
class HoldHarmlessBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.checkingTheConsole();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    Clock clock;
    @Autowired
    TestRestTemplate http;
    @LocalServerPort
    int port;

    @Test
    void theSubTypesTheGcDrawsAndTheCompletedPdfVerifies() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        HoldHarmlessFixtures f = new HoldHarmlessFixtures(jdbc, transactions, events, clock,
                "yard@sub-" + suffix + ".test", "office@gc-" + suffix + ".test");
        UUID id = f.approve();
        f.awaitStatus(id, "PENDING_SUB_SIGNATURE");
        String page = "/hold-harmless/" + id;
        Viewport.PHONE.apply(browser.driver());

        browser.manage().deleteAllCookies();
        browser.signIn(f.tenant.email("SUBCONTRACTOR"));
        browser.open("/");
        browser.findElement(By.cssSelector("a[href='" + page + "/sign']")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("signing-form")));
        assertFits("the signing page");
        browser.findElement(By.id("typed-signature")).sendKeys("Sam Spark");
        assertThat(browser.findElement(By.cssSelector("[data-typed-preview]")).getText()).isEqualTo("Sam Spark");
        browser.findElement(By.name("consent")).click();
        browser.screenshot("hold-harmless-sub-typed-phone.png");
        browser.findElement(By.cssSelector("#signing-form button[type=submit]")).click();
        awaitSigned();
        assertThat(statusShown()).isEqualTo("PENDING_GC_SIGNATURE");
        assertThat(browser.getPageSource()).contains("You signed the agreement.");
        assertFits("the agreement's page");

        browser.manage().deleteAllCookies();
        browser.signIn(f.tenant.email("CONTRACTOR"));
        browser.open(page);
        browser.findElement(By.id("hold-harmless-sign")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("signing-form")));
        browser.findElement(By.cssSelector("input[name=signatureType][value=DRAWN]")).click();
        WebElement pad = browser.findElement(By.cssSelector("[data-signature-pad]"));
        assertThat(pad.isDisplayed()).isTrue();
        new Actions(browser.driver()).moveToElement(pad, -100, 10).clickAndHold().moveByOffset(60, -25)
                .moveByOffset(70, 30).moveByOffset(50, -10).release().perform();
        browser.findElement(By.name("consent")).click();
        browser.screenshot("hold-harmless-gc-drawn-phone.png");
        browser.findElement(By.cssSelector("#signing-form button[type=submit]")).click();
        awaitSigned();

        // The engine seals the final PDF in the background: COMPLETED follows seconds later.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.open(page);
            return "COMPLETED".equals(statusShown());
        });
        assertThat(jdbc.queryForObject("select s.signature_type from signatures_signers s join hold_harmless_agreements a"
                + " on a.envelope_id = s.envelope_id where a.id = ? and s.signing_order = 2", String.class, id))
                .isEqualTo("DRAWN");
        WebElement download = browser.findElement(By.id("hold-harmless-document"));
        assertThat(download.getText()).isEqualTo("Completed PDF");
        browser.screenshot("hold-harmless-completed-phone.png");

        byte[] pdf = downloadWithTheBrowsersCookies(download.getAttribute("href"));
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        JsonNode verified = PdfVerification.verify(http, pdf, SignIn.accessToken(http, f.tenant.email("ADMIN")));
        assertThat(verified.get("unchanged").asBoolean()).isTrue();
        assertThat(verified.get("sealValid").asBoolean()).isTrue();
        browser.manage().deleteAllCookies();
    }

    @Test
    void theSubDeclinesFromTheSigningPageWithAReason() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        HoldHarmlessFixtures f = new HoldHarmlessFixtures(jdbc, transactions, events, clock,
                "yard@sub-" + suffix + ".test", "office@gc-" + suffix + ".test");
        UUID id = f.approve();
        f.awaitStatus(id, "PENDING_SUB_SIGNATURE");
        Viewport.PHONE.apply(browser.driver());

        browser.manage().deleteAllCookies();
        browser.signIn(f.tenant.email("SUBCONTRACTOR"));
        browser.open("/hold-harmless/" + id + "/sign");
        browser.findElement(By.cssSelector(".signing-decline summary")).click();
        browser.findElement(By.id("decline-reason")).sendKeys("Wrong project address");
        browser.findElement(By.cssSelector("[data-decline-form] button[type=submit]")).click();
        By result = By.cssSelector("[data-signing-result]");
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("done=hold-harmless-declined")
                || !driver.findElements(result).isEmpty() && !driver.findElement(result).getText().isBlank());
        assertThat(browser.getCurrentUrl()).as("declined: %s", browser.findElements(result).isEmpty() ? ""
                : browser.findElement(result).getText()).contains("done=hold-harmless-declined");
        assertThat(statusShown()).isEqualTo("REJECTED");
        assertThat(browser.getPageSource()).contains("Wrong project address").contains("You declined the agreement");
        browser.manage().deleteAllCookies();
    }

    /** Back on the agreement's page once signed; else the signing page's message says why. */
    private void awaitSigned() {
        By result = By.cssSelector("[data-signing-result]");
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("done=hold-harmless-signed")
                || !driver.findElements(result).isEmpty() && !driver.findElement(result).getText().isBlank());
        assertThat(browser.getCurrentUrl()).as("signed: %s", browser.findElements(result).isEmpty() ? ""
                : browser.findElement(result).getText()).contains("done=hold-harmless-signed");
    }

    private String statusShown() {
        return browser.findElement(By.cssSelector("#hold-harmless-summary [data-status]")).getAttribute("data-status");
    }

    private void assertFits(String what) {
        Viewport.Fit fit = Viewport.PHONE.fit(browser.driver());
        assertThat(fit.fits()).as("%s: %s px wide in %s px; sticking out: %s", what, fit.scrollWidth(),
                fit.innerWidth(), fit.offenders()).isTrue();
    }

    private byte[] downloadWithTheBrowsersCookies(String href) throws IOException, InterruptedException {
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies).header("Accept", "application/pdf").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        return response.body();
    }
}
