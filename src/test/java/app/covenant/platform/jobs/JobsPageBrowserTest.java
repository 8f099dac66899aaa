package app.covenant.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.BrowserSession;
import app.covenant.support.TestTenants;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The jobs pages in a real headless Chromium: last runs, run now, a job's history; no console errors. */
class JobsPageBrowserTest extends JobsTestSupport {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.checkingTheConsole();

    @Test
    void anAdministratorSeesLastRunsRunsAJobNowAndReadsItsHistory() throws IOException {
        runNowAndAwait(PlatformJobs.RUN_PURGE);
        browser.resize(1400, 1000);
        browser.open("/login?next=/admin/jobs");
        browser.submitSignIn(TestTenants.create(jdbc).email("SUPER_ADMIN"));

        browser.waitForTitle("Background jobs · Covenant");
        String purgeRow = browser.findElement(By.cssSelector("tr[data-job='" + PlatformJobs.RUN_PURGE + "']")).getText();
        assertThat(purgeRow).contains("Succeeded", "deleted");
        browser.screenshot("jobs.png");

        assertThat(purgeRow).as("its human name and what it does").contains("Job history cleanup",
                "Deletes recorded job runs older than the retention period");
        // Another job of the test context (the outbox sender, every 30 s) may be due right now: the table then
        // polls until it has run, and stops by itself.
        browser.waitUntil(driver -> "false".equals(browser.findElement(By.id("job-table")).getAttribute("data-refreshing")));
        assertThat(browser.findElement(By.id("job-table")).getAttribute("hx-trigger")).as("nothing runs: no polling")
                .isNull();

        WebElement runNow = browser.findElement(By.cssSelector("tr[data-job='" + PlatformJobs.RUN_PURGE + "'] button"));
        assertThat(runNow.getAccessibleName()).as("the name is the visible text").isEqualTo(runNow.getText())
                .isEqualTo("Run now");
        String lastRunBefore = lastRunOf(PlatformJobs.RUN_PURGE);
        runNow.click();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "will run within a few seconds"));
        // The table refreshes itself (htmx) until the run is done, then stops polling.
        browser.waitUntil(driver -> !lastRunOf(PlatformJobs.RUN_PURGE).equals(lastRunBefore)
                && "false".equals(browser.findElement(By.id("job-table")).getAttribute("data-refreshing")));
        assertThat(browser.findElement(By.id("job-table")).getAttribute("hx-trigger")).isNull();
        assertThat(browser.getCurrentUrl()).as("no reload").contains("started=" + PlatformJobs.RUN_PURGE);

        browser.findElement(By.linkText("Job history cleanup")).click();
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("job-runs")));
        assertThat(browser.findElement(By.id("job-runs")).getText()).contains("Succeeded", "recurring");
        browser.screenshot("job-runs.png");
    }

    private static String lastRunOf(String job) {
        try {
            return browser.findElement(By.cssSelector("tr[data-job='" + job + "'] td:nth-child(2)")).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
            return "";
        }
    }
}
