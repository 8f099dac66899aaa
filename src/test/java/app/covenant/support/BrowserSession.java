package app.covenant.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One {@link HeadlessChromium} for a browser test class, opened on the application under test: register it
 * as a static {@code @RegisterExtension} field. It starts before the class's tests and quits after them,
 * and by default fails each test that leaves errors in the console (CSP violations, missing assets, script
 * errors). Screenshots go to {@link #SCREENSHOTS}.
 */
public final class BrowserSession implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final boolean consoleCheckedAfterEachTest;
    private ChromeDriver driver;
    private String base;

    private BrowserSession(boolean consoleCheckedAfterEachTest) {
        this.consoleCheckedAfterEachTest = consoleCheckedAfterEachTest;
    }

    /** Each test must leave the console free of errors. */
    public static BrowserSession checkingTheConsole() {
        return new BrowserSession(true);
    }

    /** For a test that reads the console itself (it expects some entries, or collects them per page). */
    public static BrowserSession leavingTheConsoleToTheTest() {
        return new BrowserSession(false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Registered after the class's Spring extension: the application is already up on its random port.
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getRequiredProperty("local.server.port");
        base = "http://localhost:" + port;
        driver = HeadlessChromium.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (consoleCheckedAfterEachTest && context.getExecutionException().isEmpty()) {
            assertThat(consoleErrors()).as("browser console errors (CSP violations, missing assets, script errors)")
                    .isEmpty();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
    }

    /** The Chromium itself, for what this class does not wrap (device emulation, say). */
    public ChromeDriver driver() {
        return driver;
    }

    /** Loads a page of the application, {@code path} with its query. */
    public void open(String path) {
        driver.get(base + path);
    }

    /** Signs in through the login page and waits until the signed-in layout (its user menu) is there. */
    public void signIn(String email) {
        open("/login");
        submitSignIn(email);
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-user-menu]")));
    }

    /** Fills the login form already open (after a redirect to it, say) with the test password and sends it. */
    public void submitSignIn(String email) {
        submitSignIn(email, TestTenants.PASSWORD);
    }

    /** Fills the login form already open and sends it. */
    public void submitSignIn(String email, String password) {
        driver.findElement(By.id("login-email")).sendKeys(email);
        driver.findElement(By.id("login-password")).sendKeys(password);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    }

    /** Waits up to 15 s; an element htmx replaced while we looked at it is simply looked up again. */
    public <T> T waitUntil(ExpectedCondition<T> condition) {
        return waitUntil(WAIT, condition);
    }

    public <T> T waitUntil(Duration timeout, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class).until(condition);
    }

    public void waitForTitle(String title) {
        waitUntil(ExpectedConditions.titleIs(title));
    }

    /** SEVERE console entries since the last call (this one, or the check after each test). */
    public List<String> consoleErrors() {
        return HeadlessChromium.consoleErrors(driver);
    }

    /** What the window shows, as {@code target/screenshots/<name>}. */
    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The whole page, for reviewing the layout: the window grows to the document's height for one shot. */
    public void fullPageScreenshot(String name) throws IOException {
        Dimension before = driver.manage().window().getSize();
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(height.intValue() + 200, 6000)));
        try {
            screenshot(name);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    // The driver's everyday calls, so that test bodies read as plain WebDriver code.

    public WebElement findElement(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findElements(By by) {
        return driver.findElements(by);
    }

    public String getTitle() {
        return driver.getTitle();
    }

    public String getCurrentUrl() {
        return driver.getCurrentUrl();
    }

    public String getPageSource() {
        return driver.getPageSource();
    }

    public Object executeScript(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    public WebDriver.Options manage() {
        return driver.manage();
    }

    public WebDriver.TargetLocator switchTo() {
        return driver.switchTo();
    }
}
