package app.covenant.insurance.extraction;

import app.covenant.documents.pdf.PdfArea;
import app.covenant.documents.pdf.PdfDocument;
import app.covenant.documents.pdf.PdfException;
import app.covenant.documents.pdf.PdfReader;
import app.covenant.insurance.extraction.Acord25Extraction.Method;
import app.covenant.insurance.extraction.Acord25Extraction.Status;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads an ACORD 25 (2016/03) certificate: from its AcroForm when it is still fillable, else from the text printed
 * inside each field's rectangle once the page is recognised as that edition. It stores nothing and invents nothing:
 * what cannot be read is absent and said in {@code problems}. Scanned certificates (no text) answer {@code NO_TEXT}
 * at once: reading them takes OCR, seconds of CPU, which {@link CertificateReader} adds where it is available.
 */
@Component
public class Acord25Extractor {

    /** Certificates are one or two pages, well under a megabyte; anything far larger is refused before parsing. */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    static final double FORM_CONFIDENCE = 0.99;
    static final double TEXT_CONFIDENCE = 0.9;

    /** Points a flattened value may sit outside its rectangle: printers nudge, but rows are only 12 points apart. */
    static final float TOLERANCE = 1.5f;

    /** Fields one must find in an AcroForm before calling it an ACORD 25 rather than some other form. */
    private static final int KNOWN_FIELDS_FOR_A_FORM = 10;

    static final String NOT_ACORD = "This does not look like an ACORD 25 certificate: the page is not the 2016/03 "
            + "form's layout, so nothing was read from it.";
    static final String SCAN = "This PDF is a scan: it has no text to read. Enter the certificate's "
            + "details by hand.";

    /** A one-page certificate reads in well under a second; a file that keeps the parser busy longer is refused. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(20);

    static final String TOO_SLOW = "This PDF took too long to read; it is not an ordinary certificate.";

    private final PdfReader reader;
    private final Duration timeLimit;
    private final Acord25Form form = Acord25Form.edition2016();
    private final Acord25Fields fieldReader = new Acord25Fields(form);

    @Autowired
    public Acord25Extractor(PdfReader reader) {
        this(reader, TIME_LIMIT);
    }

    Acord25Extractor(PdfReader reader, Duration timeLimit) {
        this.reader = reader;
        this.timeLimit = timeLimit;
    }

    /**
     * Reads on a virtual thread and gives up after the time limit, so a hostile file cannot hold a request. PDFBox
     * does not stop on interruption: the abandoned reading finishes (or fails) on its own and is discarded.
     */
    public Acord25Extraction extract(byte[] pdf) {
        FutureTask<Acord25Extraction> reading = new FutureTask<>(() -> readPdf(pdf));
        Thread.ofVirtual().name("acord25-extraction").start(reading);
        try {
            return reading.get(timeLimit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            return Acord25Extraction.unread(Status.FAILED, TOO_SLOW);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reading.cancel(true);
            return Acord25Extraction.unread(Status.FAILED, TOO_SLOW);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private Acord25Extraction readPdf(byte[] pdf) {
        if (pdf.length > MAX_BYTES) {
            return tooLarge(pdf);
        }
        try (PdfDocument document = reader.open(pdf)) {
            if (document.pageCount() == 0) {
                return Acord25Extraction.unread(Status.FAILED, "The PDF has no pages.");
            }
            Map<String, String> formValues = knownFormValues(document);
            boolean fillable = formValues.size() >= KNOWN_FIELDS_FOR_A_FORM
                    && formValues.values().stream().anyMatch(value -> value != null && !value.isBlank()
                    && !"Off".equals(value));
            if (fillable) {
                return fieldReader.read(formValues, Method.ACROFORM, FORM_CONFIDENCE, Map.of());
            }
            return readFlattened(document);
        } catch (PdfException e) {
            return Acord25Extraction.unread(Status.FAILED, unreadable(e));
        }
    }

    /** What to say of a PDF that could not be opened. */
    static String unreadable(PdfException e) {
        return switch (e.reason()) {
            case ENCRYPTED -> "This PDF is password-protected, so it cannot be read. Upload an unprotected copy.";
            case TOO_LARGE -> "The PDF is too large to read.";
            case UNREADABLE -> "This file is not a readable PDF: it is damaged or not a PDF at all.";
        };
    }

    static Acord25Extraction tooLarge(byte[] pdf) {
        return Acord25Extraction.unread(Status.FAILED, "The PDF is too large to be a certificate ("
                + (pdf.length / (1024 * 1024)) + " MB); an ACORD 25 is a page or two.");
    }

    /** The AcroForm's values under the form's own field names, ignoring fields the ACORD 25 does not have. */
    private Map<String, String> knownFormValues(PdfDocument document) {
        Map<String, String> values = new LinkedHashMap<>();
        document.formValues().forEach((name, value) -> {
            String shortName = Acord25Form.shortName(name);
            if (form.field(shortName).isPresent()) {
                values.putIfAbsent(shortName, value);
            }
        });
        return values;
    }

    private Acord25Extraction readFlattened(PdfDocument document) {
        PdfDocument.PageSize size = document.pageSize(1);
        String wholePage = document.textIn(new PdfArea(1, 0, 0, size.width(), size.height()));
        if (wholePage == null || wholePage.isBlank()) {
            return Acord25Extraction.unread(Status.NO_TEXT, SCAN);
        }
        if (!Acord25Edition.matches(document, size)) {
            return Acord25Extraction.unread(Status.FAILED, NOT_ACORD);
        }
        Map<String, PdfArea> areas = new LinkedHashMap<>();
        form.fields().stream().filter(Acord25Form.Field::visible)
                .forEach(field -> areas.put(field.name(), form.readingArea(field, TOLERANCE)));
        return fieldReader.read(document.textIn(areas), Method.TEXT, TEXT_CONFIDENCE, Map.of());
    }
}
