package app.covenant.contracts.internal;

import app.covenant.documents.DocumentContent;
import app.covenant.documents.DocumentStorage;
import app.covenant.documents.ocr.Tesseract;
import app.covenant.documents.pdf.PdfDocument;
import app.covenant.documents.pdf.PdfReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads scanned third-party paper by OCR so that its words are found by the list's {@code q} (CLM.md "Contracts").
 * An upload of a PDF without text is {@link PaperOcrState#PENDING}; {@value #TASK_NAME} picks the oldest pending
 * contracts, draws at most {@link #MAX_PAGES} pages of each in grey at up to {@link #DPI} dpi, has Tesseract read them
 * and keeps at most {@link ContractCreation#MAX_TEXT} characters as the contract's searched text (body, versions and
 * history are left alone). A scan that cannot be read is {@link PaperOcrState#FAILED} and not tried again. Durable by
 * its column: what a restart interrupts is still pending at the next run. Where Tesseract does not run, nothing is
 * read and nothing changes (said once in the log). The document's text is never logged.
 */
@Component
class PaperOcr {

    static final String TASK_NAME = "contracts-paper-ocr";
    /** Pages read of one document; the rest is left unread. */
    static final int MAX_PAGES = 30;
    /** Contracts read in one run; the rest wait for the next. */
    static final int BATCH = 20;
    static final int DPI = 300;
    /** A US letter page, in points: a larger page is drawn at a lower resolution, to the same number of pixels. */
    private static final double LETTER_AREA = 612.0 * 792.0;
    private static final int READ_AT_MOST = 64 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(PaperOcr.class);

    private final ContractRepository contracts;
    private final DocumentStorage documents;
    private final PdfReader reader;
    private final PaperOcrProperties properties;
    private final Tesseract tesseract;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private volatile Boolean available;

    PaperOcr(ContractRepository contracts, DocumentStorage documents, PdfReader reader, PaperOcrProperties properties,
             PlatformTransactionManager transactions, Clock clock) {
        this.contracts = contracts;
        this.documents = documents;
        this.reader = reader;
        this.properties = properties;
        this.tesseract = new Tesseract(properties.command(), properties.timeLimit());
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What one run did. */
    record Result(int read, int failed) {
    }

    /** The body of {@value #TASK_NAME}: reads up to {@link #BATCH} pending scans, oldest first. */
    Result readPending() {
        if (!available()) {
            return new Result(0, 0);
        }
        int read = 0;
        int failed = 0;
        for (UUID contractId : contracts.awaitingOcr(PageRequest.of(0, BATCH))) {
            switch (read(contractId)) {
                case DONE -> read++;
                case FAILED -> failed++;
                default -> {
                }
            }
        }
        return new Result(read, failed);
    }

    /** Whether Tesseract runs here; asked once, the first time. */
    boolean available() {
        Boolean known = available;
        if (known == null) {
            known = tesseract.runs();
            available = known;
            if (!known) {
                log.warn("OCR is not available: '{}' does not run (covenant.contracts.paper-ocr.command); scanned "
                        + "contract paper keeps no text until it does", properties.command());
            }
        }
        return known;
    }

    /** Reads one contract's scan (outside any transaction: no connection waits on Tesseract) and records the result. */
    private PaperOcrState read(UUID contractId) {
        UUID documentId = contracts.findById(contractId).filter(c -> c.paperOcr() == PaperOcrState.PENDING)
                .map(Contract::documentId).orElse(null);
        if (documentId == null) {
            return PaperOcrState.PENDING;
        }
        String text = null;
        try {
            text = text(content(documentId));
        } catch (Tesseract.Failure | RuntimeException e) {
            // The same scan would fail the same way again: recorded rather than retried.
            log.warn("OCR of the paper of contract {} failed: {}", contractId, e.toString());
        }
        String found = text;
        return transaction.execute(status -> contracts.lockById(contractId)
                .filter(c -> c.paperOcr() == PaperOcrState.PENDING)
                .map(contract -> {
                    if (found == null) {
                        contract.ocrFailed(clock.instant());
                    } else {
                        contract.ocrRead(documentId, found, clock.instant());
                    }
                    return contract.paperOcr();
                }).orElse(PaperOcrState.PENDING));
    }

    private String text(byte[] pdf) throws Tesseract.Failure {
        StringBuilder text = new StringBuilder();
        try (PdfDocument document = reader.open(pdf)) {
            int pages = Math.min(document.pageCount(), MAX_PAGES);
            for (int page = 1; page <= pages && text.length() < ContractCreation.MAX_TEXT; page++) {
                int dpi = dpiFor(document.pageSize(page));
                String read = tesseract.text(document.pageAsGreyImage(page, dpi), dpi).strip();
                if (!read.isEmpty()) {
                    text.append(text.isEmpty() ? "" : "\n\n").append(read);
                }
            }
        }
        if (text.length() > ContractCreation.MAX_TEXT) {
            int end = Character.isHighSurrogate(text.charAt(ContractCreation.MAX_TEXT - 1))
                    ? ContractCreation.MAX_TEXT - 1 : ContractCreation.MAX_TEXT;
            text.setLength(end);
        }
        return text.toString();
    }

    /** {@link #DPI}, lowered for a page larger than letter so that a huge media box does not become huge pixels. */
    private static int dpiFor(PdfDocument.PageSize size) {
        double area = (double) size.width() * size.height();
        if (area <= LETTER_AREA * 1.1) {
            return DPI;
        }
        return (int) Math.max(36, Math.floor(DPI * Math.sqrt(LETTER_AREA / area)));
    }

    private byte[] content(UUID documentId) {
        try (DocumentContent content = documents.open(documentId); InputStream in = content.stream()) {
            return in.readNBytes(READ_AT_MOST);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read document " + documentId, e);
        }
    }

}
