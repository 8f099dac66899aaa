package app.covenant.insurance.extraction;

import app.covenant.documents.pdf.PdfArea;
import app.covenant.documents.pdf.PdfDocument;
import app.covenant.documents.pdf.PdfException;
import app.covenant.documents.pdf.PdfReader;
import app.covenant.insurance.extraction.Acord25Extraction.Method;
import app.covenant.insurance.extraction.Acord25Extraction.Status;
import app.covenant.insurance.extraction.ScanRegistration.Transform;
import app.covenant.insurance.extraction.Tesseract.Word;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads a scanned ACORD 25 (an image-only page) with Tesseract: page 1 is drawn in grey, Tesseract finds the words
 * and their boxes, the form's printed labels among them place the scan on the form ({@link ScanRegistration}), and
 * each word goes to the field whose rectangle holds it. From there it is the same reading as a flattened page's
 * text, with confidences below it: each field's is scaled by Tesseract's confidence in its words.
 */
@Component
public class Acord25Ocr {

    static final String UNAVAILABLE = "This PDF is a scan, and reading scans (OCR) is not available on this server. "
            + "Enter the certificate's details by hand.";
    static final String FAILED = "The scan could not be read: OCR did not finish on this page. Enter the "
            + "certificate's details by hand.";

    /** The most a field read by OCR is trusted, below text read from the page ({@code 0.9}). */
    static final double OCR_CONFIDENCE = 0.85;
    /** The least, for a word Tesseract was unsure of: still above "unreadable", which is about the value's form. */
    static final double OCR_FLOOR = 0.4;

    /** Tesseract's confidence (0–100) below which a word of letters only is taken for noise. */
    private static final double DOUBTFUL = 35;

    /** Points a word's middle may sit outside its field's rectangle. */
    private static final float TOLERANCE = 2f;

    private static final Logger log = LoggerFactory.getLogger(Acord25Ocr.class);

    private final PdfReader reader;
    private final OcrProperties properties;
    private final Tesseract tesseract;
    private final Acord25Form form = Acord25Form.edition2016();
    private final Acord25Fields fieldReader = new Acord25Fields(form);
    private final Map<String, PdfArea> areas = new LinkedHashMap<>();
    private volatile Boolean available;

    @Autowired
    public Acord25Ocr(PdfReader reader, OcrProperties properties) {
        this.reader = reader;
        this.properties = properties;
        this.tesseract = new Tesseract(properties.command(), properties.timeLimit());
        form.fields().stream().filter(Acord25Form.Field::visible)
                .forEach(field -> areas.put(field.name(), form.readingArea(field, TOLERANCE)));
    }

    /** Whether Tesseract runs here; asked once, the first time. */
    public boolean available() {
        Boolean known = available;
        if (known == null) {
            known = tesseract.runs();
            available = known;
            if (!known) {
                log.warn("OCR is not available: '{}' does not run (covenant.insurance.ocr.command); scanned "
                        + "certificates will not be read", properties.command());
            }
        }
        return known;
    }

    public Acord25Extraction read(byte[] pdf) {
        if (pdf.length > Acord25Extractor.MAX_BYTES) {
            return Acord25Extractor.tooLarge(pdf);
        }
        if (!available()) {
            return Acord25Extraction.unread(Status.NO_TEXT, UNAVAILABLE);
        }
        BufferedImage page;
        try (PdfDocument document = reader.open(pdf)) {
            if (document.pageCount() == 0) {
                return Acord25Extraction.unread(Status.FAILED, "The PDF has no pages.");
            }
            page = document.pageAsGreyImage(1, properties.dpi());
        } catch (PdfException e) {
            return Acord25Extraction.unread(Status.FAILED, Acord25Extractor.unreadable(e));
        }
        List<Word> words;
        try {
            words = tesseract.words(ScanCleaning.median(page), properties.dpi()).stream()
                    .filter(Acord25Ocr::legible).toList();
        } catch (Tesseract.Failure e) {
            log.warn("OCR of a scanned certificate failed: {}", e.getMessage());
            return Acord25Extraction.unread(Status.FAILED, FAILED);
        }
        Optional<Transform> registered = ScanRegistration.register(words, properties.dpi());
        if (registered.isEmpty()) {
            return Acord25Extraction.unread(Status.FAILED, Acord25Extractor.NOT_ACORD);
        }
        return place(words, registered.get());
    }

    /** Each word into the field whose rectangle holds its middle; a field's words in reading order. */
    private Acord25Extraction place(List<Word> words, Transform transform) {
        Map<String, List<Placed>> byField = new LinkedHashMap<>();
        for (Word word : words) {
            double x = transform.x(word.centreX(), word.centreY());
            double y = transform.y(word.centreX(), word.centreY());
            double height = Math.abs(transform.e() * word.height());
            for (var area : areas.entrySet()) {
                PdfArea box = area.getValue();
                if (x >= box.x() && x <= box.x() + box.width() && y >= box.y() && y <= box.y() + box.height()) {
                    byField.computeIfAbsent(area.getKey(), name -> new ArrayList<>())
                            .add(new Placed(word, x, y, height));
                    break;
                }
            }
        }
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, Double> confidences = new LinkedHashMap<>();
        byField.forEach((name, placed) -> {
            raw.put(name, tidy(name, text(placed)));
            double least = placed.stream().mapToDouble(p -> p.word.confidence()).min().orElse(0);
            confidences.put(name, OCR_FLOOR + (OCR_CONFIDENCE - OCR_FLOOR) * Math.clamp(least / 100, 0, 1));
        });
        return fieldReader.read(raw, Method.OCR, OCR_CONFIDENCE, confidences);
    }

    /**
     * Single-letter columns as the form means them. They hold one letter (A–F, Y, X or N), which OCR reads in lower
     * case now and then, doubled ({@code Cc}, {@code YY}) or followed by a speck ({@code Ye}): what starts with such
     * a letter and is at most three characters long is that letter.
     */
    private String tidy(String name, String text) {
        boolean checkbox = form.field(name).map(Acord25Form.Field::checkbox).orElse(false);
        boolean mark = checkbox || name.endsWith("AdditionalInsuredCode_A")
                || name.endsWith("SubrogationWaivedCode_A") || name.endsWith("ExcludedIndicator_A");
        String letters = "";
        if (mark) {
            letters = checkbox ? "X" : "XYN";
        } else if (name.endsWith("InsurerLetterCode_A")) {
            letters = "ABCDEF";
        }
        String compact = text.replace(" ", "");
        if (!letters.isEmpty() && !compact.isEmpty() && compact.length() <= 3) {
            String first = compact.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
            if (letters.contains(first)) {
                return first;
            }
        }
        return text;
    }

    /**
     * Marks with no letter or digit (specks read as {@code :}, {@code |}, {@code _}) are not words of a value, nor
     * are short letter strings Tesseract itself barely believes ({@code ee}, {@code ae}: noise read as text).
     */
    private static boolean legible(Word word) {
        String text = word.text();
        if ("&".equals(text) || "$".equals(text)) {
            return true;
        }
        if (text.length() > 1 && word.confidence() < DOUBTFUL && text.chars().noneMatch(Character::isDigit)) {
            return false;
        }
        return text.chars().anyMatch(Character::isLetterOrDigit);
    }

    private record Placed(Word word, double x, double y, double height) {
    }

    /** Rows top to bottom (a new row where a word's middle is lower than half a word's height), words left to right. */
    private static String text(List<Placed> placed) {
        List<Placed> sorted = new ArrayList<>(placed);
        sorted.sort(Comparator.comparingDouble(Placed::y));
        List<List<Placed>> rows = new ArrayList<>();
        for (Placed word : sorted) {
            List<Placed> row = rows.isEmpty() ? null : rows.getLast();
            if (row == null || word.y - row.getFirst().y > Math.max(2, row.getFirst().height / 2)) {
                row = new ArrayList<>();
                rows.add(row);
            }
            row.add(word);
        }
        StringBuilder text = new StringBuilder();
        for (List<Placed> row : rows) {
            row.sort(Comparator.comparingDouble(Placed::x));
            for (Placed word : row) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(word.word.text());
            }
        }
        return text.toString();
    }
}
