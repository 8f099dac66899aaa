package app.covenant.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven through its chromedriver — never a downloaded browser. Paths
 * come from {@code -Dchromium.path} and {@code -Dwebdriver.chrome.driver} (set by Surefire).
 *
 * <p>Without Chromium a browser test is skipped with a message saying what to install, except in CI
 * ({@code CI=true}, or {@code COVENANT_REQUIRE_CHROMIUM=true} as {@code .ci/run} sets): there it fails,
 * so a missing browser never passes silently.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    public static ChromeDriver start() {
        String chromium = System.getProperty("chromium.path", "/usr/bin/chromium");
        String driver = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        if (!Files.isExecutable(Path.of(chromium))) {
            missing("Chromium is needed for browser tests but " + chromium + " is missing. Install the Debian "
                    + "packages chromium and chromium-driver (.ci/run does), or pass -Dchromium.path=...");
        }
        if (!Files.isExecutable(Path.of(driver))) {
            missing("chromedriver is needed for browser tests but " + driver + " is missing. Install the Debian "
                    + "package chromium-driver, or pass -Dchromedriver.path=...");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        // An explicit driver executable keeps Selenium Manager from looking for (or fetching) one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static void missing(String message) {
        missing(message, System.getenv());
    }

    static void missing(String message, Map<String, String> environment) {
        if ("true".equalsIgnoreCase(environment.get("CI"))
                || "true".equalsIgnoreCase(environment.get("COVENANT_REQUIRE_CHROMIUM"))) {
            fail(message);
        }
        // Surefire counts a class aborted in @BeforeAll as zero tests, without the reason: say it here.
        System.err.println("WARNING: browser tests skipped. " + message);
        Assumptions.abort("Skipped: " + message);
    }

    /** SEVERE console entries since the last call: CSP violations, missing assets, script errors. */
    public static List<String> consoleErrors(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }
}
