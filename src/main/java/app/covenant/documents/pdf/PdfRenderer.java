package app.covenant.documents.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.stereotype.Component;

/**
 * Turns XHTML into a PDF that looks the same on every machine.
 *
 * <p>Callers render their Thymeleaf template (every value escaped) and pass the result. The text is
 * set in Liberation Sans, embedded from the PDFBox jar (SIL Open Font Licence, embedding allowed),
 * which is also registered under the generic family names so no style can fall back to an
 * unembedded base-14 font. Nothing outside the markup is loaded but {@code data:} URIs (see
 * {@link ExternalResources}). The document's {@code <title>} becomes the PDF title; the producer is
 * "Covenant" and the dates come from the injected clock, so a test can pin them.
 *
 * <p>The jar ships only the regular face: bold and italic text is set upright and regular
 * (openhtmltopdf takes the nearest face and synthesises none), a fair price for having no font files
 * of our own to license and keep.
 */
@Component
public class PdfRenderer {

    static final String FONT_FAMILY = "Liberation Sans";
    static final String PRODUCER = "Covenant";
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String HOUSE_STYLE = "/documents/pdf/house-style.css";
    private static final List<String> GENERIC_FAMILIES = List.of("sans-serif", "serif", "monospace");

    private final Clock clock;
    private final byte[] font;
    private final XhtmlDocuments documents;

    public PdfRenderer(Clock clock) {
        this.clock = clock;
        RenderingLog.install();
        this.font = resource(FONT);
        this.documents = new XhtmlDocuments(new String(resource(HOUSE_STYLE), StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException when the markup is not well-formed XHTML with an {@code <html>} root
     */
    public byte[] render(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        render(xhtml, pdf);
        return pdf.toByteArray();
    }

    /** Writes the PDF to {@code out}, which stays open. */
    public void render(String xhtml, OutputStream out) {
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .withW3cDocument(documents.parse(xhtml), null)
                .withProducer(PRODUCER)
                .useExternalResourceAccessControl(ExternalResources::allowed,
                        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl(ExternalResources::allowed,
                        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        registerFonts(builder);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            // Without closing, openhtmltopdf leaves saving to us: its own save stamps the system time.
            renderer.createPDFWithoutClosing();
            PDDocument pdf = renderer.getPdfDocument();
            stampDates(pdf.getDocumentInformation());
            // PDFBox 3 leaves the stream open, as this method promises.
            pdf.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the PDF", e);
        }
    }

    private void registerFonts(PdfRendererBuilder builder) {
        builder.useFont(this::font, FONT_FAMILY, 400, FontStyle.NORMAL, true,
                EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_PRE, FSFontUseCase.FALLBACK_FINAL));
        for (String family : GENERIC_FAMILIES) {
            builder.useFont(this::font, family, 400, FontStyle.NORMAL, true);
        }
    }

    private InputStream font() {
        return new ByteArrayInputStream(font);
    }

    private void stampDates(PDDocumentInformation information) {
        Calendar now = GregorianCalendar.from(clock.instant().atZone(ZoneOffset.UTC));
        information.setCreationDate(now);
        information.setModificationDate(now);
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read classpath resource " + name, e);
        }
    }
}
