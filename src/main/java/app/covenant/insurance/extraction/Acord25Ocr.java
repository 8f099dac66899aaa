package app.covenant.insurance.extraction;

import app.covenant.documents.ocr.Tesseract.Word;
import app.covenant.documents.ocr.Tesseract;
import app.covenant.documents.pdf.PdfArea;
import app.covenant.documents.pdf.PdfDocument;
import app.covenant.documents.pdf.PdfException;
import app.covenant.documents.pdf.PdfReader;
import app.covenant.insurance.extraction.Acord25Extraction.Method;
import app.covenant.insurance.extraction.Acord25Extraction.Status;
import app.covenant.insurance.extraction.ScanRegistration.Transform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads a scanned ACORD 25 (an image-only page) with Tesseract: page 1 is drawn in grey, cleaned of specks and
 * turned straight ({@link ScanCleaning}), Tesseract finds the words and their boxes, the form's printed labels among
 * them place the scan on the form ({@link ScanRegistration}), and each word goes to the field whose rectangle holds
 * it; one-letter columns get a second look ({@link LetterCells}). From there it is the same reading as a flattened page's
 * text, with confidences below it: each field's is scaled by Tesseract's confidence in its words.
 */
@Component
public class Acord25Ocr {

    public static final String UNAVAILABLE = "This PDF is a scan, and reading scans (OCR) is not available on this server. "
            + "Enter the certificate's details by hand.";
    public static final String PHOTO_UNAVAILABLE = "This is a photo, and reading photos (OCR) is not available on "
            + "this server. Enter the certificate's details by hand.";
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
    /** Tesseract runs on one core: more pages at once than cores only makes each slower. */
    private final Semaphore running = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    @Autowired
    public Acord25Ocr(PdfReader reader, OcrProperties properties) {
        this.reader = reader;
        this.properties = properties;
        this.tesseract = new Tesseract(properties.command(), properties.timeLimit());
        form.fields().stream().filter(Acord25Form.Field::visible)
                .forEach(field -> areas.put(field.name(), form.readingArea(field, TOLERANCE)));
    }

    /** Whether the bytes are a JPEG or PNG photo (by their first bytes, whatever the file is called). */
    public static boolean isPhoto(byte[] bytes) {
        return PhotoPages.isPhoto(bytes);
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

    /**
     * Reads on a virtual thread, at most as many pages at once as there are cores, and gives up after the time limit
     * (waiting included; Tesseract itself is killed at that limit too), so a hostile scan cannot hold a request.
     */
    public Acord25Extraction read(byte[] pdf) {
        boolean photo = PhotoPages.isPhoto(pdf);
        if (photo && pdf.length > PhotoPages.MAX_BYTES) {
            return Acord25Extraction.unread(Status.FAILED, PhotoPages.TOO_LARGE);
        }
        if (!photo && pdf.length > Acord25Extractor.MAX_BYTES) {
            return Acord25Extractor.tooLarge(pdf);
        }
        if (!available()) {
            return Acord25Extraction.unread(Status.NO_TEXT, UNAVAILABLE);
        }
        FutureTask<Acord25Extraction> reading = new FutureTask<>(() -> {
            running.acquire();
            try {
                return photo ? readPhoto(pdf) : readScan(pdf);
            } finally {
                running.release();
            }
        });
        Thread.ofVirtual().name("acord25-ocr").start(reading);
        try {
            return reading.get(properties.timeLimit().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            return Acord25Extraction.unread(Status.FAILED, FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reading.cancel(true);
            return Acord25Extraction.unread(Status.FAILED, FAILED);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** A JPEG or PNG photo: made into a page at the OCR resolution ({@link PhotoPages}), then read as a scan. */
    private Acord25Extraction readPhoto(byte[] image) {
        int dpi = properties.dpi();
        PhotoPages.Prepared prepared = PhotoPages.prepare(image, dpi);
        if (prepared.page().isEmpty()) {
            return Acord25Extraction.unread(Status.FAILED, prepared.problem());
        }
        return readPage(prepared.page().get(), dpi);
    }

    private Acord25Extraction readScan(byte[] pdf) {
        BufferedImage page;
        int dpi;
        try (PdfDocument document = reader.open(pdf)) {
            if (document.pageCount() == 0) {
                return Acord25Extraction.unread(Status.FAILED, "The PDF has no pages.");
            }
            dpi = dpiFor(document.pageSize(1));
            page = document.pageAsGreyImage(1, dpi);
        } catch (PdfException e) {
            return Acord25Extraction.unread(Status.FAILED, Acord25Extractor.unreadable(e));
        }
        return readPage(page, dpi);
    }

    private Acord25Extraction readPage(BufferedImage page, int dpi) {
        BufferedImage cleaned = ScanCleaning.median(page);
        BufferedImage level = ScanCleaning.straighten(cleaned, ScanCleaning.skew(cleaned));
        List<Word> words;
        try {
            words = tesseract.words(level, dpi).stream().filter(Acord25Ocr::legible).toList();
        } catch (Tesseract.Failure e) {
            log.warn("OCR of a scanned certificate failed: {}", e.getMessage());
            return Acord25Extraction.unread(Status.FAILED, FAILED);
        }
        Optional<Transform> registered = ScanRegistration.register(words, dpi);
        if (registered.isEmpty()) {
            return Acord25Extraction.unread(Status.FAILED, Acord25Extractor.NOT_ACORD);
        }
        return place(level, dpi, words, registered.get());
    }

    /**
     * The configured resolution, lowered for a page larger than US letter so that the image stays the size of a
     * letter page's (a huge media box must not become a gigabyte of pixels).
     */
    private int dpiFor(PdfDocument.PageSize size) {
        double area = (double) size.width() * size.height();
        double letter = (double) Acord25Form.PAGE_WIDTH * Acord25Form.PAGE_HEIGHT;
        if (area <= letter * 1.1) {
            return properties.dpi();
        }
        return (int) Math.max(36, Math.floor(properties.dpi() * Math.sqrt(letter / area)));
    }

    /** Each word into the field whose rectangle holds its middle; a field's words in reading order. */
    private Acord25Extraction place(BufferedImage level, int dpi, List<Word> words, Transform transform) {
        Map<String, List<Placed>> byField = new LinkedHashMap<>();
        for (Word word : words) {
            double x = transform.x(word.centreX(), word.centreY());
            double y = transform.y(word.centreX(), word.centreY());
            double height = Math.abs(transform.y(word.centreX(), word.centreY() + word.height() / 2.0)
                    - transform.y(word.centreX(), word.centreY() - word.height() / 2.0));
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
        List<Acord25Form.Field> unsure = new ArrayList<>();
        for (Acord25Form.Field field : form.fields()) {
            List<Placed> placed = byField.get(field.name());
            String allowed = LetterCells.allowed(field);
            String text = placed == null ? "" : text(placed);
            if (!allowed.isEmpty()) {
                Optional<String> letter = LetterCells.letter(text, allowed);
                if (letter.isEmpty()) {
                    unsure.add(field);
                    continue;
                }
                text = letter.get();
            }
            if (placed != null) {
                raw.put(field.name(), text);
                confidences.put(field.name(), confidence(placed.stream().mapToDouble(p -> p.word.confidence()).min()
                        .orElse(0)));
            }
        }
        try {
            LetterCells.reread(level, transform, unsure, tesseract, dpi).forEach((field, word) ->
                    LetterCells.letter(word.text(), LetterCells.allowed(field)).ifPresent(letter -> {
                        raw.put(field.name(), letter);
                        confidences.put(field.name(), confidence(word.confidence()));
                    }));
        } catch (Tesseract.Failure e) {
            log.warn("OCR of a scanned certificate's letter columns failed: {}", e.getMessage());
        }
        // A one-letter column in which the page pass saw a speck and the closer look sees no letter is empty: the
        // speck is not reported as an unreadable value.
        return fieldReader.read(raw, Method.OCR, OCR_CONFIDENCE, confidences);
    }

    /** From Tesseract's confidence in the least sure word (0–100) to the field's, between the floor and the cap. */
    private static double confidence(double tesseract) {
        return OCR_FLOOR + (OCR_CONFIDENCE - OCR_FLOOR) * Math.clamp(tesseract / 100, 0, 1);
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
