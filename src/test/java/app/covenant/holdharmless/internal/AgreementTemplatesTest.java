package app.covenant.holdharmless.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.covenant.documents.pdf.PdfRenderer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Templates: the allow-list, escaped values, unknown placeholders, the anchors, and our default as a PDF. */
class AgreementTemplatesTest {

    private final AgreementTemplates templates = new AgreementTemplates(new PdfRenderer(
            Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC)));

    @Test
    void scriptsStylesAndEventAttributesAreRemovedAndValuesEscaped() {
        Map<String, String> values = new HashMap<>(AgreementGeneration.sampleValues(LocalDate.of(2026, 12, 7)));
        values.put("SUB_NAME", "<script>alert('x')</script> & Sons");
        String filled = templates.fill("<p onclick=\"steal()\" style=\"color:red\">{{SUB_NAME}}</p><script>bad()</script>"
                + "<style>p{}</style><img src=\"https://tracker.example/x.png\"/><a href=\"javascript:x()\">link</a>",
                values, false);
        assertThat(filled).doesNotContain("<script").doesNotContain("onclick").doesNotContain("style=")
                .doesNotContain("<style").doesNotContain("<img").doesNotContain("javascript:")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Sons");
    }

    @Test
    void anUnknownPlaceholderIsNamed() {
        assertThatThrownBy(() -> templates.fill("<p>{{ PROJECT_NAME }} {{PROJECT_OWNER}}</p>",
                AgreementGeneration.sampleValues(LocalDate.of(2026, 12, 7)), true))
                .isInstanceOf(AgreementTemplates.TemplateException.class).hasMessageContaining("{{PROJECT_OWNER}}")
                .hasMessageNotContaining("{{PROJECT_NAME}};");
    }

    @Test
    void theDefaultTemplateRendersEveryPlaceholderAndBothAnchors() throws Exception {
        String template = templates.defaultTemplate();
        for (String placeholder : AgreementTemplates.PLACEHOLDERS) {
            assertThat(template).as(placeholder).contains("{{" + placeholder + "}}");
        }
        byte[] pdf = templates.pdf("Hold-harmless agreement", template,
                AgreementGeneration.sampleValues(LocalDate.of(2026, 12, 7)));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("To the fullest extent permitted by law").contains("Gowanus Canal Residences")
                    .contains("December 7, 2026").contains(AgreementTemplates.SUB_ANCHOR)
                    .contains(AgreementTemplates.GC_ANCHOR).doesNotContain("{{");
        }
    }
}
