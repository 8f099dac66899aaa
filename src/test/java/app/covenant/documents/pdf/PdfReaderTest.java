package app.covenant.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.covenant.documents.pdf.TestPdfs.Line;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReaderTest {

    final PdfReader reader = new PdfReader();

    static final byte[] CERTIFICATE = TestPdfs.text(
            new Line(1, 72, 90, "Insured: Acme Builders"),
            new Line(1, 340, 90, "Producer: Brokers Inc"),
            new Line(1, 72, 300, "General liability GL-2026-001"),
            new Line(2, 72, 90, "Page two: Réglé – Grüße €5"));

    @Test
    void tellsThePageSizeSoAKnownFormCanBeRecognised() {
        try (PdfDocument document = reader.open(CERTIFICATE)) {
            assertThat(document.pageSize(1)).isEqualTo(new PdfDocument.PageSize(612f, 792f));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> document.pageSize(3))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void readsTextPageByPage() {
        try (PdfDocument document = reader.open(CERTIFICATE)) {
            assertThat(document.pageCount()).isEqualTo(2);
            PdfText text = document.text();
            assertThat(text.pages()).hasSize(2);
            assertThat(text.pages().get(0)).contains("Insured: Acme Builders", "General liability GL-2026-001")
                    .doesNotContain("Page two");
            assertThat(text.pages().get(1)).contains("Page two: Réglé – Grüße €5");
            assertThat(text.all()).contains("Acme Builders").contains("Page two");
            assertThat(text.hasText()).isTrue();
            assertThat(document.hasText()).isTrue();
        }
    }

    @Test
    void drawsAPageAsAPngOfTheAskedResolution() throws Exception {
        try (PdfDocument document = reader.open(CERTIFICATE)) {
            byte[] png = document.pageAsPng(1, 72);
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));

            // US Letter at 72 dpi is 612 x 792 points; at 144 dpi twice that.
            assertThat(image.getWidth()).isEqualTo(612);
            assertThat(image.getHeight()).isEqualTo(792);
            assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(document.pageAsPng(2, 144))).getWidth())
                    .isEqualTo(1224);
            assertThatIllegalArgumentException().isThrownBy(() -> document.pageAsPng(3, 72));
            assertThatIllegalArgumentException().isThrownBy(() -> document.pageAsPng(1, 600));
        }
    }

    @Test
    void readsTextWithinAreas() {
        Map<String, PdfArea> areas = new LinkedHashMap<>();
        areas.put("producer", new PdfArea(1, 330, 78, 250, 16));
        areas.put("insured", new PdfArea(1, 60, 78, 250, 16));
        areas.put("policy", new PdfArea(1, 60, 288, 300, 16));
        areas.put("pageTwo", new PdfArea(2, 60, 78, 300, 16));
        areas.put("empty", new PdfArea(1, 60, 500, 300, 16));

        try (PdfDocument document = reader.open(CERTIFICATE)) {
            assertThat(document.textIn(areas)).containsExactly(
                    Map.entry("producer", "Producer: Brokers Inc"),
                    Map.entry("insured", "Insured: Acme Builders"),
                    Map.entry("policy", "General liability GL-2026-001"),
                    Map.entry("pageTwo", "Page two: Réglé – Grüße €5"),
                    Map.entry("empty", ""));
            assertThat(document.textIn(new PdfArea(1, 60, 78, 250, 16))).isEqualTo("Insured: Acme Builders");
            assertThatIllegalArgumentException().isThrownBy(() -> document.textIn(new PdfArea(3, 0, 0, 10, 10)))
                    .withMessageContaining("Page 3");
        }
    }

    @Test
    void refusesAreasThatAreNotRectanglesOnAPage() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PdfArea(0, 0, 0, 10, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new PdfArea(1, -1, 0, 10, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new PdfArea(1, 0, 0, 0, 10));
    }

    @Test
    void readsFilledFormFields() {
        try (PdfDocument document = reader.open(TestPdfs.filledForm())) {
            assertThat(document.formValues()).containsExactly(
                    Map.entry("Producer.Name", "Brokers & Co – Zürich"),
                    Map.entry("additionalInsured", "Yes"),
                    Map.entry("waiver", "Off"),
                    Map.entry("coverage", "auto"),
                    Map.entry("state", "NJ"));
            assertThat(document.formFields()).extracting(FormField::name, FormField::kind, FormField::isOn).containsExactly(
                    tuple("Producer.Name", FormField.Kind.TEXT, false),
                    tuple("additionalInsured", FormField.Kind.CHECKBOX, true),
                    tuple("waiver", FormField.Kind.CHECKBOX, false),
                    tuple("coverage", FormField.Kind.RADIO, true),
                    tuple("state", FormField.Kind.CHOICE, false));
        }
    }

    @Test
    void aDocumentWithoutAFormHasNoFields() {
        try (PdfDocument document = reader.open(CERTIFICATE)) {
            assertThat(document.formFields()).isEmpty();
            assertThat(document.formValues()).isEmpty();
        }
    }

    @Test
    void tellsAScanWithoutTextSoCallersCanFallBackToOcr() {
        try (PdfDocument document = reader.open(TestPdfs.imageOnly())) {
            assertThat(document.pageCount()).isEqualTo(1);
            assertThat(document.hasText()).isFalse();
            assertThat(document.text().pages()).singleElement().satisfies(page -> assertThat(page).isBlank());
        }
    }

    @Test
    void readsDocumentInformation() {
        try (PdfDocument document = reader.open(new PdfRenderer(Clock.fixed(PdfRendererTest.NOW, ZoneOffset.UTC))
                .render("<html><head><title>Hold harmless</title></head><body><p>x</p></body></html>"))) {
            assertThat(document.info()).isEqualTo(new PdfInfo("Hold harmless", null, null, "Covenant", PdfRendererTest.NOW));
        }
        try (PdfDocument document = reader.open(CERTIFICATE)) {
            assertThat(document.info().title()).isNull();
            assertThat(document.info().created()).isNull();
        }
    }

    @Test
    void refusesAPdfThatNeedsAPasswordToOpen() {
        byte[] locked = TestPdfs.encrypted("owner-secret", "user-secret", new Line(1, 72, 90, "Confidential"));

        assertThatThrownBy(() -> reader.open(locked))
                .isInstanceOfSatisfying(PdfException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PdfException.Reason.ENCRYPTED);
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("password");
                });
    }

    @Test
    void readsAPdfThatOnlyRestrictsPermissions() throws IOException {
        byte[] restricted = TestPdfs.encrypted("owner-secret", "", new Line(1, 72, 90, "Certificate of insurance"));
        try (PDDocument raw = Loader.loadPDF(restricted)) {
            assertThat(raw.isEncrypted()).isTrue();
            assertThat(raw.getCurrentAccessPermission().canExtractContent()).isFalse();
        }

        try (PdfDocument document = reader.open(restricted)) {
            assertThat(document.text().all()).contains("Certificate of insurance");
        }
    }

    @Test
    void refusesWhatIsNotAPdf() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        byte[] truncated = Arrays.copyOf(CERTIFICATE, 40);

        for (byte[] input : new byte[][] {noise, new byte[0], "not a pdf at all".getBytes(StandardCharsets.UTF_8), truncated}) {
            assertThatThrownBy(() -> reader.open(input))
                    .isInstanceOfSatisfying(PdfException.class, e -> {
                        assertThat(e.reason()).isEqualTo(PdfException.Reason.UNREADABLE);
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.getMessage()).isEqualTo("The file is not a readable PDF.");
                    });
        }
    }

    @Test
    void refusesAPdfLargerThanTheCapFromBytesStreamsAndFiles(@TempDir Path dir) throws IOException {
        PdfReader small = new PdfReader(CERTIFICATE.length - 1);
        Path file = Files.write(dir.resolve("certificate.pdf"), CERTIFICATE);

        assertThatThrownBy(() -> small.open(CERTIFICATE)).isInstanceOfSatisfying(PdfException.class,
                e -> assertThat(e.reason()).isEqualTo(PdfException.Reason.TOO_LARGE));
        assertThatThrownBy(() -> small.open(new ByteArrayInputStream(CERTIFICATE))).isInstanceOfSatisfying(PdfException.class,
                e -> assertThat(e.status()).isEqualTo(413));
        assertThatThrownBy(() -> small.open(file)).isInstanceOfSatisfying(PdfException.class,
                e -> assertThat(e.reason()).isEqualTo(PdfException.Reason.TOO_LARGE));
    }

    @Test
    void opensFromStreamsAndFilesWithinTheCap(@TempDir Path dir) throws IOException {
        PdfReader exact = new PdfReader(CERTIFICATE.length);
        Path file = Files.write(dir.resolve("certificate.pdf"), CERTIFICATE);

        try (InputStream in = new ByteArrayInputStream(CERTIFICATE); PdfDocument document = exact.open(in)) {
            assertThat(document.pageCount()).isEqualTo(2);
        }
        try (PdfDocument document = exact.open(file)) {
            assertThat(document.text().all()).contains("Acme Builders");
        }
    }
}
