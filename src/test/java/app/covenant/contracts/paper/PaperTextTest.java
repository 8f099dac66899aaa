package app.covenant.contracts.paper;

import static app.covenant.contracts.paper.TextPdfs.pdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.covenant.contracts.paper.UnreadablePaperException.Reason;
import app.covenant.shared.problem.ProblemException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaperTextTest {

    @Test
    void pdfTextIsExtractedPageByPage() throws IOException {
        PaperContent content = PaperText.extract(pdf("Master Services Agreement", "Schedule 1: Fees"));

        assertThat(content.type()).isEqualTo(PaperType.PDF);
        assertThat(content.hasText()).isTrue();
        assertThat(content.truncated()).isFalse();
        assertThat(content.text()).isEqualTo("Master Services Agreement\n\nSchedule 1: Fees");
    }

    @Test
    void aPdfWithoutATextLayerHasNoText() throws IOException {
        PaperContent content = PaperText.extract(pdf("", ""));

        assertThat(content.type()).isEqualTo(PaperType.PDF);
        assertThat(content.hasText()).isFalse();
        assertThat(content.text()).isEmpty();
    }

    @Test
    void aPdfWithNoPagesHasNoText() throws IOException {
        PaperContent content = PaperText.extract(pdf());

        assertThat(content.hasText()).isFalse();
        assertThat(content.text()).isEmpty();
    }

    @Test
    void aPasswordProtectedPdfIsRefused() throws IOException {
        byte[] locked;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            locked = out.toByteArray();
        }

        assertRefused(locked, Reason.ENCRYPTED);
    }

    @Test
    void aDamagedPdfIsRefused() {
        assertRefused("%PDF-1.7\nthis is not really a PDF".getBytes(StandardCharsets.US_ASCII), Reason.DAMAGED);
    }

    @Test
    void docxTextIncludesParagraphsAndTables() throws IOException {
        byte[] docx;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Non-Disclosure Agreement");
            document.createParagraph().createRun().setText("The Recipient shall keep it confidential.");
            XWPFTable table = document.createTable(1, 2);
            table.getRow(0).getCell(0).setText("Fee");
            table.getRow(0).getCell(1).setText("USD 1,500");
            document.write(out);
            docx = out.toByteArray();
        }

        PaperContent content = PaperText.extract(docx);

        assertThat(content.type()).isEqualTo(PaperType.DOCX);
        assertThat(content.hasText()).isTrue();
        assertThat(content.text()).contains("Non-Disclosure Agreement\nThe Recipient shall keep it confidential.")
                .contains("Fee").contains("USD 1,500");
    }

    @Test
    void anEmptyDocxHasNoText() throws IOException {
        byte[] docx;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph();
            document.write(out);
            docx = out.toByteArray();
        }

        PaperContent content = PaperText.extract(docx);

        assertThat(content.type()).isEqualTo(PaperType.DOCX);
        assertThat(content.hasText()).isFalse();
    }

    @Test
    void textPastTheCapIsLeftOut() throws IOException {
        byte[] docx;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            java.util.Random random = new java.util.Random(3);
            for (int i = 0; i < 300; i++) {
                StringBuilder line = new StringBuilder();
                while (line.length() < 7_000) {
                    line.append((char) ('a' + random.nextInt(26))).append(random.nextInt(5) == 0 ? " " : "");
                }
                document.createParagraph().createRun().setText(line.toString());
            }
            document.write(out);
            docx = out.toByteArray();
        }

        PaperContent content = PaperText.extract(docx);

        assertThat(content.truncated()).isTrue();
        assertThat(content.text()).hasSize(PaperText.MAX_CHARACTERS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello, I am a text file", "<html><body>not paper</body></html>", "{\"pdf\": false}",
            " %PDF-1.7"})
    void anythingElseIsAnUnsupportedType(String content) {
        assertRefused(content.getBytes(StandardCharsets.UTF_8), Reason.UNSUPPORTED_TYPE);
    }

    @Test
    void garbageAndOldWordFilesAreUnsupported() {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = 0x13;
        assertRefused(garbage, Reason.UNSUPPORTED_TYPE);

        byte[] ole2 = Arrays.copyOf(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
                0x1A, (byte) 0xE1}, 512);
        assertRefused(ole2, Reason.UNSUPPORTED_TYPE);
        assertRefused(null, Reason.UNSUPPORTED_TYPE);
    }

    @Test
    void aZipThatIsNotAWordDocumentIsUnsupported() throws IOException {
        assertRefused(zip("xl/workbook.xml", "<workbook/>".getBytes(StandardCharsets.UTF_8)), Reason.UNSUPPORTED_TYPE);
    }

    /** Text that inflates more than 100-fold trips POI's own guard (ZipSecureFile's minimum inflate ratio). */
    @Test
    void aDocxThatInflatesTooFarIsRefused() throws IOException {
        byte[] docx;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("clause ".repeat(200_000));
            document.write(out);
            docx = out.toByteArray();
        }

        assertRefused(docx, Reason.TOO_LARGE);
    }

    @Test
    void aBrokenZipIsDamaged() {
        byte[] broken = Arrays.copyOf(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 99}, 64);
        Arrays.fill(broken, 9, 64, (byte) 0x7F);

        assertRefused(broken, Reason.DAMAGED);
    }

    /** A few dozen kilobytes that would unpack to 40 MB of XML are refused before POI parses them. */
    @Test
    void aZipBombIsRefused() throws IOException {
        byte[] bomb = zip("word/document.xml", new byte[40 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(100 * 1024);

        assertRefused(bomb, Reason.TOO_LARGE);
    }

    @Test
    void refusalsAreBadRequestsNamingTheFile() {
        assertThatThrownBy(() -> PaperText.extract("plain".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("file");
                        assertThat(error.message()).isEqualTo("Upload a PDF or a Word (.docx) document.");
                    });
                });
    }

    private static void assertRefused(byte[] file, Reason reason) {
        assertThatThrownBy(() -> PaperText.extract(file))
                .isInstanceOfSatisfying(UnreadablePaperException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(reason));
    }


    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
