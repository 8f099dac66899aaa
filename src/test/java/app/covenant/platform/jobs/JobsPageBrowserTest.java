package app.covenant.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.HeadlessChromium;
import app.covenant.support.TestTenants;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The jobs pages in a real headless Chromium: last runs, run now, a job's history; no console errors. */
class JobsPageBrowserTest extends JobsTestSupport {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdministratorSeesLastRunsRunsAJobNowAndReadsItsHistory() throws IOException {
        runNowAndAwait(PlatformJobs.RUN_PURGE);
        browser.manage().window().setSize(new Dimension(1400, 1000));
        browser.get(url("/login?next=/admin/jobs"));
        browser.findElement(By.id("login-email")).sendKeys(TestTenants.create(jdbc).email("SUPER_ADMIN"));
        browser.findElement(By.id("login-password")).sendKeys(TestTenants.PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();

        wait(ExpectedConditions.titleIs("Background jobs · Covenant"));
        String purgeRow = browser.findElement(By.cssSelector("tr[data-job='" + PlatformJobs.RUN_PURGE + "']")).getText();
        assertThat(purgeRow).contains("Succeeded", "deleted");
        screenshot("jobs.png");

        assertThat(purgeRow).as("its human name and what it does").contains("Job history cleanup",
                "Deletes recorded job runs older than the retention period");
        assertThat(browser.findElement(By.id("job-table")).getAttribute("hx-trigger")).as("nothing runs: no polling")
                .isNull();

        WebElement runNow = browser.findElement(By.cssSelector("tr[data-job='" + PlatformJobs.RUN_PURGE + "'] button"));
        assertThat(runNow.getAccessibleName()).as("the name is the visible text").isEqualTo(runNow.getText())
                .isEqualTo("Run now");
        String lastRunBefore = lastRunOf(PlatformJobs.RUN_PURGE);
        runNow.click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "will run within a few seconds"));
        // The table refreshes itself (htmx) until the run is done, then stops polling.
        wait(driver -> !lastRunOf(PlatformJobs.RUN_PURGE).equals(lastRunBefore)
                && "false".equals(browser.findElement(By.id("job-table")).getAttribute("data-refreshing")));
        assertThat(browser.findElement(By.id("job-table")).getAttribute("hx-trigger")).isNull();
        assertThat(browser.getCurrentUrl()).as("no reload").contains("started=" + PlatformJobs.RUN_PURGE);

        browser.findElement(By.linkText("Job history cleanup")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("job-runs")));
        assertThat(browser.findElement(By.id("job-runs")).getText()).contains("Succeeded", "recurring");
        screenshot("job-runs.png");
        assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
    }

    private static String lastRunOf(String job) {
        try {
            return browser.findElement(By.cssSelector("tr[data-job='" + job + "'] td:nth-child(2)")).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
            return "";
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
