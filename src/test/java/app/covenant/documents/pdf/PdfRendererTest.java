package app.covenant.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

class PdfRendererTest {

    static final Instant NOW = Instant.parse("2026-03-14T09:26:53Z");
    static final String TEMPLATE = """
            <!DOCTYPE html>
            <html xmlns:th="http://www.thymeleaf.org">
            <head><meta charset="UTF-8"/><title th:text="${title}">title</title></head>
            <body>
              <h1 th:text="${title}">title</h1>
              <p>Prix: 1 250,00 € – réglé, Grüße aus Zürich.</p>
              <p id="insured" th:text="${insured}">insured</p>
              <table>
                <thead><tr><th>Policy</th><th>Limit</th></tr></thead>
                <tbody><tr th:each="row : ${rows}"><td th:text="${row[0]}">p</td><td th:text="${row[1]}">l</td></tr></tbody>
              </table>
            </body>
            </html>
            """;

    final PdfRenderer renderer = new PdfRenderer(Clock.fixed(NOW, ZoneOffset.UTC));
    final PdfReader reader = new PdfReader();

    @Test
    void rendersATemplateWithEmbeddedFontsTextAndMetadata() throws IOException {
        byte[] pdf = renderer.render(thymeleaf(TEMPLATE, Map.of(
                "title", "Certificate summary",
                "insured", "Smith & Sons <script>alert(1)</script>",
                "rows", List.of(List.of("GL-2026-001", "$1,000,000"), List.of("AUTO-77", "$500,000")))));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = fontsOf(document);
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                assertThat(font.getName()).contains("LiberationSans");
            });
        }
        try (PdfDocument document = reader.open(pdf)) {
            assertThat(document.pageCount()).isEqualTo(1);
            String text = document.text().all();
            assertThat(text).contains("Certificate summary", "Prix: 1 250,00 € – réglé, Grüße aus Zürich.",
                    "Smith & Sons <script>alert(1)</script>", "GL-2026-001", "$1,000,000", "AUTO-77");
            assertThat(document.info().title()).isEqualTo("Certificate summary");
            assertThat(document.info().producer()).isEqualTo("Covenant");
            assertThat(document.info().created()).isEqualTo(NOW);
        }
    }

    @Test
    void stylesNamingAnyFamilyStillUseTheEmbeddedFont() throws IOException {
        byte[] pdf = renderer.render("""
                <html><head><style>
                  .a { font-family: serif; } .b { font-family: monospace; } .c { font-family: Arial; } .d { font-family: Times New Roman, serif; }
                </style></head>
                <body><p class="a">serif</p><p class="b">mono</p><p class="c">arial</p><p class="d">times</p><p><b>bold</b></p></body></html>
                """);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(fontsOf(document)).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).isTrue());
        }
    }

    @Test
    void longDocumentsFlowOntoMorePages() {
        String paragraphs = "<p>Clause text that fills the page.</p>".repeat(120);
        byte[] pdf = renderer.render("<html><body>" + paragraphs + "</body></html>");

        try (PdfDocument document = reader.open(pdf)) {
            assertThat(document.pageCount()).isGreaterThan(1);
            assertThat(document.text().pages()).allSatisfy(page -> assertThat(page).contains("Clause text"));
        }
    }

    @Test
    void writesToAStreamWithoutClosingIt() {
        ClosingRecorder out = new ClosingRecorder();

        renderer.render("<html><body><p>streamed</p></body></html>", out);

        assertThat(out.closed).isFalse();
        try (PdfDocument document = reader.open(out.toByteArray())) {
            assertThat(document.text().all()).contains("streamed");
        }
    }

    @Test
    void explainsMarkupThatIsNotXhtml() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> renderer.render("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"></head><body></body></html>"))
                .withMessageContaining("line 1")
                .withMessageContaining("well-formed XHTML");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> renderer.render("<html><body><p>a&nbsp;b</p></body></html>"))
                .withMessageContaining("&#160;");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> renderer.render("<p>fragment</p>"))
                .withMessageContaining("<html>");
    }

    @Test
    void doesNotExpandExternalEntitiesOfTheMarkup(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-VALUE");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE html [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<html><body><p>before &secret; after</p></body></html>";

        try (PdfDocument document = reader.open(renderer.render(xxe))) {
            assertThat(document.text().all()).contains("before").doesNotContain("TOP-SECRET-VALUE");
        }
    }

    static String thymeleaf(String template, Map<String, Object> model) {
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine.process(template, new Context(Locale.ENGLISH, model));
    }

    static List<PDFont> fontsOf(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
        }
        return fonts;
    }

    static final class ClosingRecorder extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
