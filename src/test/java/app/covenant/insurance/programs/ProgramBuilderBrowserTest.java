package app.covenant.insurance.programs;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.BrowserSession;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The program builder in a real headless Chromium: a trade typed into a second tier is reported as you type
 * (through POST /api/v1/programs/validate), the message goes away once fixed, a tier is added and saved.
 */
@IntegrationTest
class ProgramBuilderBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.checkingTheConsole();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DefaultPrograms defaults;

    @Test
    void problems_show_while_typing_and_a_new_tier_is_saved() throws IOException {
        Tenant tenant = TestTenants.create(jdbc);
        defaults.seed(tenant.organizationId());
        UUID standard = jdbc.queryForObject("select id from insurance_programs where organization_id = ? and is_default",
                UUID.class, tenant.organizationId());
        browser.resize(1200, 1000);
        browser.open("/login?next=/insurance/programs/" + standard);
        browser.submitSignIn(tenant.email("MANAGER"));
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-program-builder]")));

        WebElement electricalTrades = browser.findElement(By.id("tier-1-trades"));
        electricalTrades.sendKeys(", roofing");
        WebElement problems = browser.findElement(By.id("program-problems"));
        browser.waitUntil(ExpectedConditions.textToBePresentInElement(problems, "a trade belongs to one tier only"));
        assertThat(problems.isDisplayed()).isTrue();
        assertThat(problems.getText()).contains("The trade \"roofing\" is in tier \"High-risk trades\" and in tier "
                + "\"Electrical & mechanical\"");
        browser.screenshot("program-builder-problem.png");

        for (int i = 0; i < ", roofing".length(); i++) {
            electricalTrades.sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
        }
        browser.waitUntil(ExpectedConditions.attributeToBe(problems, "data-valid", "true"));
        assertThat(problems.isDisplayed()).isFalse();

        browser.findElement(By.cssSelector("[data-add-tier]")).click();
        WebElement newTier = browser.findElements(By.cssSelector("[data-tier]")).getLast();
        newTier.findElement(By.cssSelector("[data-tier-name]")).sendKeys("Specialty");
        newTier.findElement(By.cssSelector("[data-tier-trades]")).sendKeys("Glazing");
        newTier.findElement(By.cssSelector("[data-tier-minimum='UMBRELLA_EACH_OCCURRENCE']")).sendKeys("3,000,000");
        browser.findElement(By.cssSelector("#program-form button[type=submit]")).click();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "The program was saved."));
        assertThat(jdbc.queryForObject("select t.umbrella_each_occurrence from insurance_program_tiers t join "
                + "insurance_program_tier_trades tt on tt.tier_id = t.id where t.program_id = ? and tt.trade_key = 'glazing'",
                Long.class, standard)).isEqualTo(3_000_000L);
        assertThat(jdbc.queryForObject("select sort_order from insurance_program_tiers where program_id = ? and name = "
                + "'Specialty'", Integer.class, standard)).isEqualTo(3);
    }
}
