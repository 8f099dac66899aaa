package app.covenant.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.documents.DocumentStorage;
import app.covenant.signatures.EnvelopeRequest.SignerRequest;
import app.covenant.support.BrowserSession;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import app.covenant.support.Viewport;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The signing page on a phone-sized headless Chromium, no account: the sub types a signature, the GC draws one
 * with the pointer, and the envelope completes. The page fits 390 px and logs no console error.
 */
@IntegrationTest
class SigningPageBrowserTest {

    private static final Pattern LINK = Pattern.compile("(/sign\\?token=[A-Za-z0-9_-]{40,})");

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.checkingTheConsole();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Envelopes envelopes;
    @Autowired
    DocumentStorage documents;

    @Test
    void aSubTypesAndAGcDrawsTheirSignaturesOnAPhone() throws Exception {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        String domain = tenant.code().toLowerCase() + ".test";
        String sub = "yard@sub." + domain;
        String gc = "office@gc." + domain;
        UUID envelopeId = envelopes.open(SignatureFixtures.request(documents, tenant.organizationId(), false, List.of(
                new SignerRequest("Sam Sub", sub, "Subcontractor", 1),
                new SignerRequest("Gina GC", gc, "General contractor", 2))));
        Viewport.PHONE.apply(browser.driver());

        browser.open(link(sub));
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("signing-form")));
        assertThat(browser.findElement(By.id("signing-title")).getText()).isEqualTo("Hold-harmless agreement");
        Viewport.Fit fit = Viewport.PHONE.fit(browser.driver());
        assertThat(fit.fits()).as("%s px wide in %s px; sticking out: %s", fit.scrollWidth(), fit.innerWidth(),
                fit.offenders()).isTrue();
        assertThat(browser.findElements(By.cssSelector(".signing-card .alert"))).as("no 'not your turn' note").isEmpty();
        browser.findElement(By.id("typed-signature")).sendKeys("Sam Sub");
        assertThat(browser.findElement(By.cssSelector("[data-typed-preview]")).getText()).isEqualTo("Sam Sub");
        assertThat(browser.executeScript("return document.getElementById('signing-form').checkValidity();"))
                .as("no signing without consent").isEqualTo(false);
        browser.findElement(By.name("consent")).click();
        browser.screenshot("signing-typed-phone.png");
        browser.findElement(By.cssSelector("#signing-form button[type=submit]")).click();
        assertThat(resultText()).contains("Thank you");

        browser.open(link(gc));
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("signing-form")));
        browser.findElement(By.cssSelector("input[name=signatureType][value=DRAWN]")).click();
        WebElement pad = browser.findElement(By.cssSelector("[data-signature-pad]"));
        assertThat(pad.isDisplayed()).isTrue();
        new Actions(browser.driver()).moveToElement(pad, -100, 10).clickAndHold().moveByOffset(60, -25)
                .moveByOffset(70, 30).moveByOffset(50, -10).release().perform();
        browser.findElement(By.name("consent")).click();
        browser.screenshot("signing-drawn-phone.png");
        browser.findElement(By.cssSelector("#signing-form button[type=submit]")).click();
        assertThat(resultText()).contains("Thank you");

        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(jdbc.queryForObject(
                "select status from signatures_envelopes where id = ?", String.class, envelopeId)));
        assertThat(jdbc.queryForObject("select signature_type from signatures_signers where envelope_id = ? "
                + "and email = ?", String.class, envelopeId, gc)).isEqualTo("DRAWN");
    }

    @Test
    void aSignedInSubSignsFromTheHomeCardWithoutTheLink() {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        String sub = "signed-in-sub@" + tenant.code().toLowerCase() + ".test";
        TestTenants.addUser(jdbc, tenant, sub, "SUBCONTRACTOR");
        UUID envelopeId = envelopes.open(SignatureFixtures.request(documents, tenant.organizationId(), false, List.of(
                new SignerRequest("Sam Sub", sub, "Subcontractor", 1))));
        Viewport.PHONE.apply(browser.driver());
        browser.manage().deleteAllCookies();
        browser.signIn(sub);

        browser.open("/");
        browser.findElement(By.cssSelector("a[href='/envelopes/" + envelopeId + "/sign']")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("signing-form")));
        browser.findElement(By.id("typed-signature")).sendKeys("Sam Sub");
        browser.findElement(By.name("consent")).click();
        browser.findElement(By.cssSelector("#signing-form button[type=submit]")).click();
        assertThat(resultText()).contains("Thank you");

        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(jdbc.queryForObject(
                "select status from signatures_envelopes where id = ?", String.class, envelopeId)));
        assertThat(jdbc.queryForObject("select auth_method from signatures_events where envelope_id = ? "
                + "and event_type = 'SIGNED'", String.class, envelopeId)).isEqualTo("SIGNED_IN");
        browser.open("/envelopes/" + envelopeId);
        assertThat(browser.findElement(By.id("envelope-final")).getAttribute("href"))
                .endsWith("/envelopes/" + envelopeId + "/final");
        Viewport.Fit fit = Viewport.PHONE.fit(browser.driver());
        assertThat(fit.fits()).as("the envelope page: %s px wide in %s px; sticking out: %s", fit.scrollWidth(),
                fit.innerWidth(), fit.offenders()).isTrue();
        browser.manage().deleteAllCookies();
    }

    private String resultText() {
        By result = By.cssSelector("[data-signing-result]");
        browser.waitUntil(driver -> !driver.findElement(result).getText().isBlank());
        String text = browser.findElement(result).getText();
        browser.executeScript("arguments[0].textContent = '';", browser.findElement(result));
        return text;
    }

    private String link(String address) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from email_outbox where to_address = ?", Integer.class, address) > 0);
        String body = jdbc.queryForObject("select body_text from email_outbox where to_address = ? "
                + "order by created_at desc limit 1", String.class, address);
        Matcher matcher = LINK.matcher(body);
        assertThat(matcher.find()).as("a signing link in %s", body).isTrue();
        return matcher.group(1);
    }
}
