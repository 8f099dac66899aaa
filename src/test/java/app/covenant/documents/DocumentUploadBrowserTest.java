package app.covenant.documents;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.BrowserSession;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The web kit's upload area and confirmation dialog in a real headless Chromium: two files chosen at
 * once are listed with size and type, sent with a progress bar, and come back one line each; a
 * {@code data-confirm} button asks in the page's dialog, where Cancel and Esc do nothing. No console errors.
 */
@IntegrationTest
class DocumentUploadBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.checkingTheConsole();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoFilesAreListedSentWithProgressAndAnsweredOneByOneAndDeletingAsksFirst() throws IOException {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        Path folder = Files.createTempDirectory("covenant-upload-browser");
        Path contract = folder.resolve("contract.pdf");
        Files.write(contract, DocumentFixtures.pdf(2));
        // Big enough for the browser to report upload progress; refused for its content whatever its name.
        Path setup = folder.resolve("setup.pdf");
        byte[] program = Arrays.copyOf(DocumentFixtures.exe(), 3 * 1024 * 1024);
        Files.write(setup, program);

        browser.resize(1280, 1000);
        browser.open("/login?next=/documents");
        browser.submitSignIn(tenant.email("MANAGER"));
        browser.waitForTitle("Documents · Covenant");

        WebElement area = browser.findElement(By.cssSelector("#document-upload [data-upload-area]"));
        assertThat(area.getAttribute("class")).contains("is-enhanced");
        assertThat(area.findElement(By.cssSelector(".upload-drop")).isDisplayed()).isTrue();
        // Dropped files land in the file input, listed with type and size before anything is sent.
        browser.executeScript("""
                var files = new DataTransfer();
                files.items.add(new File([new Uint8Array(1536)], 'site photo.png', { type: 'image/png' }));
                files.items.add(new File(['plain'], 'notes.docx',
                    { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
                var area = arguments[0];
                area.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: files }));
                area.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: files }));""", area);
        assertThat(browser.executeScript("return document.getElementById('document-file').files.length;"))
                .isEqualTo(2L);
        List<WebElement> dropped = area.findElements(By.cssSelector("[data-upload-files] li"));
        assertThat(dropped).hasSize(2);
        assertThat(dropped.get(0).getText()).contains("site photo.png", "PNG image, 1.5 KB");
        assertThat(dropped.get(1).getText()).contains("notes.docx", "Word document, 5 bytes");
        assertThat(area.getAttribute("class")).doesNotContain("is-dragging");

        browser.findElement(By.id("document-file")).sendKeys(contract + "\n" + setup);
        List<WebElement> listed = area.findElements(By.cssSelector("[data-upload-files] li"));
        assertThat(listed).extracting(WebElement::getText).hasSize(2)
                .anySatisfy(text -> assertThat(text).contains("contract.pdf", "PDF"))
                .anySatisfy(text -> assertThat(text).contains("setup.pdf", "PDF, 3 MB"));
        browser.screenshot("upload-chosen.png");

        browser.executeScript("""
                window.uploadProgress = [];
                var progress = document.querySelector('#document-upload [data-upload-progress]');
                new MutationObserver(function () {
                  window.uploadProgress.push({ shown: !progress.hidden,
                    value: progress.querySelector('progress').getAttribute('value') });
                }).observe(progress, { attributes: true, subtree: true });""");
        browser.findElement(By.cssSelector("#document-upload button[type=submit]")).click();

        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("upload-outcomes")));
        WebElement outcomes = browser.findElement(By.id("upload-outcomes"));
        assertThat(outcomes.getText()).contains("1 of 2 files were refused", "contract.pdf", "setup.pdf",
                "Only PDF, DOCX, PNG and JPEG files");
        assertThat(outcomes.findElement(By.cssSelector("[data-outcome=stored]")).getText()).contains("Stored", "contract.pdf");
        assertThat(outcomes.findElement(By.cssSelector("[data-outcome=refused]")).getText()).contains("Refused", "setup.pdf");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> progress = (List<Map<String, Object>>) browser.executeScript("return window.uploadProgress;");
        assertThat(progress).as("the progress bar was shown and filled").anySatisfy(step -> {
            assertThat(step.get("shown")).isEqualTo(true);
            assertThat(step.get("value")).isEqualTo("100");
        });
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("upload-outcomes");
        assertThat(jdbc.queryForObject("select count(*) from documents where organization_id = ?", Long.class,
                tenant.organizationId())).isEqualTo(1);
        browser.screenshot("upload-outcomes.png");

        outcomes.findElement(By.linkText("contract.pdf")).click();
        browser.waitForTitle("contract.pdf · Covenant");
        String documentPage = browser.getCurrentUrl();
        WebElement delete = browser.findElement(By.cssSelector("form[data-confirm] button[type=submit]"));
        WebElement dialog = browser.findElement(By.id("confirm-dialog"));
        assertThat(dialog.isDisplayed()).isFalse();

        delete.click();
        browser.waitUntil(driver -> dialog.isDisplayed());
        assertThat(dialog.findElement(By.id("confirm-dialog-question")).getText())
                .isEqualTo("Delete this document and all its versions?");
        assertThat(dialog.findElement(By.cssSelector("[data-confirm-ok]")).getText()).isEqualTo("Delete document");
        assertThat(browser.switchTo().activeElement().getText()).as("the safe choice has the focus").isEqualTo("Cancel");
        browser.screenshot("confirm-dialog.png");
        dialog.findElement(By.cssSelector("[data-confirm-cancel]")).click();
        browser.waitUntil(driver -> !dialog.isDisplayed());
        assertThat(browser.getCurrentUrl()).isEqualTo(documentPage);
        assertThat(browser.switchTo().activeElement().getText()).as("focus back on the button").isEqualTo("Delete document");

        delete.click();
        browser.waitUntil(driver -> dialog.isDisplayed());
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waitUntil(driver -> !dialog.isDisplayed());
        assertThat(browser.getCurrentUrl()).isEqualTo(documentPage);
        assertThat(jdbc.queryForObject("select count(*) from documents where organization_id = ? and deleted_at is null",
                Long.class, tenant.organizationId())).isEqualTo(1);

        delete.click();
        browser.waitUntil(driver -> dialog.isDisplayed());
        dialog.findElement(By.cssSelector("[data-confirm-ok]")).click();
        browser.waitForTitle("Documents · Covenant");
        WebElement toast = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-toasts] .toast")));
        assertThat(toast.getText()).contains("The document was deleted.");
        assertThat(jdbc.queryForObject("select count(*) from documents where organization_id = ? and deleted_at is null",
                Long.class, tenant.organizationId())).isZero();
        browser.screenshot("toast.png");
    }
}
