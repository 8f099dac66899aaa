package app.covenant.insurance.extraction;

import app.covenant.documents.pdf.PdfArea;
import app.covenant.documents.pdf.PdfDocument;
import app.covenant.documents.pdf.PdfException;
import app.covenant.documents.pdf.PdfReader;
import app.covenant.insurance.extraction.Acord25Extraction.FieldValue;
import app.covenant.insurance.extraction.Acord25Extraction.Insurer;
import app.covenant.insurance.extraction.Acord25Extraction.Method;
import app.covenant.insurance.extraction.Acord25Extraction.Policy;
import app.covenant.insurance.extraction.Acord25Extraction.Status;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * what cannot be read is absent and said in {@code problems}. Scanned certificates (no text) answer {@code NO_TEXT}.
 */
@Component
public class Acord25Extractor {

    /** Certificates are one or two pages, well under a megabyte; anything far larger is refused before parsing. */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    static final double FORM_CONFIDENCE = 0.99;
    static final double TEXT_CONFIDENCE = 0.9;
    static final double UNREADABLE_CONFIDENCE = 0.3;

    /** Points a flattened value may sit outside its rectangle: printers nudge, but rows are only 12 points apart. */
    static final float TOLERANCE = 1.5f;

    /** Fields one must find in an AcroForm before calling it an ACORD 25 rather than some other form. */
    private static final int KNOWN_FIELDS_FOR_A_FORM = 10;

    static final String NOT_ACORD = "This does not look like an ACORD 25 certificate: the page is not the 2016/03 "
            + "form's layout, so nothing was read from it.";
    static final String SCAN = "This PDF is a scan: it has no text to read. Enter the certificate's details by hand "
            + "(reading scans is not available yet).";

    /** A one-page certificate reads in well under a second; a file that keeps the parser busy longer is refused. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(20);

    static final String TOO_SLOW = "This PDF took too long to read; it is not an ordinary certificate.";

    private final PdfReader reader;
    private final Duration timeLimit;
    private final Acord25Form form = Acord25Form.edition2016();

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
            return Acord25Extraction.unread(Status.FAILED, "The PDF is too large to be a certificate ("
                    + (pdf.length / (1024 * 1024)) + " MB); an ACORD 25 is a page or two.");
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
                return read(formValues, Method.ACROFORM, FORM_CONFIDENCE);
            }
            return readFlattened(document);
        } catch (PdfException e) {
            return Acord25Extraction.unread(Status.FAILED, switch (e.reason()) {
                case ENCRYPTED -> "This PDF is password-protected, so it cannot be read. Upload an unprotected copy.";
                case TOO_LARGE -> "The PDF is too large to read.";
                case UNREADABLE -> "This file is not a readable PDF: it is damaged or not a PDF at all.";
            });
        }
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
        return read(document.textIn(areas), Method.TEXT, TEXT_CONFIDENCE);
    }

    private Acord25Extraction read(Map<String, String> raw, Method method, double base) {
        Reading reading = new Reading(raw, base);
        List<String> problems = new ArrayList<>();
        Map<String, Insurer> insurers = new LinkedHashMap<>();
        for (String letter : List.of("A", "B", "C", "D", "E", "F")) {
            String name = reading.text("Insurer_FullName_" + letter);
            String naic = reading.text("Insurer_NAICCode_" + letter);
            if (name != null || naic != null) {
                insurers.put(letter, new Insurer(name, naic));
            }
        }
        List<Policy> policies = new ArrayList<>();
        for (CoverageLines line : CoverageLines.ALL) {
            if (line.presence().stream().allMatch(name -> reading.text(name) == null)) {
                continue;
            }
            policies.add(policy(line, reading, insurers, problems));
        }
        if (policies.isEmpty()) {
            problems.add("No coverage line is filled in on this certificate.");
        }
        reading.fields.forEach((name, value) -> {
            if (value.confidence() <= UNREADABLE_CONFIDENCE) {
                problems.add("Could not read \"" + value.value() + "\" in " + name + ".");
            }
        });
        return new Acord25Extraction(Status.EXTRACTED, method, reading.text("Producer_FullName_A"),
                reading.text("NamedInsured_FullName_A"), reading.text("CertificateHolder_FullName_A"), insurers,
                policies, reading.fields, problems);
    }

    private Policy policy(CoverageLines line, Reading reading, Map<String, Insurer> insurers, List<String> problems) {
        List<String> used = new ArrayList<>(line.presence());
        String letter = reading.text(line.letter());
        if (letter != null) {
            letter = letter.toUpperCase(Locale.ROOT);
        }
        Insurer insurer = letter == null ? null : insurers.get(letter);
        if (letter != null && insurer == null) {
            problems.add(line.line() + " names insurer " + letter + ", which the certificate does not list.");
        }
        LocalDate effective = reading.date(line.effective());
        LocalDate expiration = reading.date(line.expiration());
        boolean additionalInsured = line.additionalInsured() != null && reading.mark(line.additionalInsured());
        boolean waiver = reading.mark(line.waiver());
        Boolean statutory = line.statutory() == null ? null : reading.mark(line.statutory());
        if (line.additionalInsured() != null) {
            used.add(line.additionalInsured());
        }
        used.add(line.waiver());
        Map<String, Long> limits = new LinkedHashMap<>();
        line.limits().forEach((key, field) -> {
            Long amount = reading.money(field);
            if (amount != null) {
                limits.put(key, amount);
            }
        });
        double confidence = used.stream().mapToDouble(reading::confidence).min().orElse(reading.base);
        return new Policy(line.line(), letter, insurer == null ? null : insurer.name(),
                insurer == null ? null : insurer.naic(), reading.text(line.policyNumber()), effective, expiration,
                additionalInsured, waiver, statutory, limits, confidence);
    }

    /** The raw values with the confidence each earns once normalised by its kind. */
    private final class Reading {

        private final Map<String, FieldValue> fields = new LinkedHashMap<>();
        private final Map<String, Parsed<?>> parsed = new LinkedHashMap<>();
        private final double base;

        Reading(Map<String, String> raw, double base) {
            this.base = base;
            raw.forEach((name, value) -> {
                String clean = value == null ? "" : value.strip().replaceAll("\\s+", " ");
                boolean checkbox = form.field(name).map(Acord25Form.Field::checkbox).orElse(false);
                if (checkbox && "Off".equals(clean)) {
                    clean = "";
                }
                Parsed<?> reading = parse(name, checkbox, clean);
                parsed.put(name, reading);
                if (!clean.isEmpty()) {
                    fields.put(name, new FieldValue(clean, confidenceOf(reading.quality())));
                }
            });
        }

        private Parsed<?> parse(String name, boolean checkbox, String value) {
            if (checkbox || name.endsWith("AdditionalInsuredCode_A") || name.endsWith("SubrogationWaivedCode_A")
                    || name.endsWith("ExcludedIndicator_A")) {
                return Marks.parse(value);
            }
            if (name.endsWith("Date_A")) {
                return CertificateDates.parse(value);
            }
            if (name.endsWith("Amount_A") || name.endsWith("Amount_B") || name.endsWith("Amount_C")) {
                return Money.parse(value);
            }
            return value.isEmpty() ? Parsed.blank() : Parsed.clean(value);
        }

        private double confidenceOf(Parsed.Quality quality) {
            return switch (quality) {
                case BLANK, CLEAN -> base;
                case REPAIRED -> base - 0.1;
                case UNREADABLE -> UNREADABLE_CONFIDENCE;
            };
        }

        double confidence(String name) {
            Parsed<?> reading = parsed.get(name);
            return reading == null ? base : confidenceOf(reading.quality());
        }

        String text(String name) {
            FieldValue value = fields.get(name);
            return value == null ? null : value.value();
        }

        LocalDate date(String name) {
            Parsed<?> reading = parsed.get(name);
            return reading != null && reading.value() instanceof LocalDate date ? date : null;
        }

        Long money(String name) {
            Parsed<?> reading = parsed.get(name);
            return reading != null && reading.value() instanceof Long amount ? amount : null;
        }

        boolean mark(String name) {
            Parsed<?> reading = parsed.get(name);
            return reading != null && Boolean.TRUE.equals(reading.value());
        }
    }
}
