package app.covenant.insurance.certificates;

import app.covenant.documents.DocumentContent;
import app.covenant.documents.DocumentStorage;
import app.covenant.insurance.extraction.Acord25Extraction;
import app.covenant.insurance.extraction.Acord25Extraction.Status;
import app.covenant.insurance.extraction.Acord25Extractor;
import app.covenant.insurance.extraction.Acord25Ocr;
import app.covenant.platform.jobs.BackgroundJobs;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Reading the ACORD 25 certificates uploaded to certificates: at once after the upload (outside any transaction, so
 * no connection is held while the PDF is parsed), or — for a scan when OCR is available — by the one-time job
 * {@value CoiOcrTask#TASK_NAME}, the reading staying {@code READING} meanwhile. A reading still {@code READING}
 * after {@link #GIVE_UP_AFTER} (its task failed every attempt or died with its node) is given up as {@code FAILED}.
 */
@Component
public class CoiReadings {

    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);
    static final String GAVE_UP = "Reading the scanned certificate did not finish. Enter the details by hand, or "
            + "upload the certificate again to try once more.";
    static final String UNREADABLE = "This PDF could not be read. Enter the certificate's details by hand.";
    static final String NOT_UPLOADED = "No ACORD 25 certificate was uploaded to this certificate, so nothing was read.";
    /** One byte more than the extractor accepts, so that a larger file is refused by it in plain words. */
    private static final int READ_AT_MOST = 10 * 1024 * 1024 + 1;
    private static final Logger log = LoggerFactory.getLogger(CoiReadings.class);

    private final CoiWorkflow workflow;
    private final CoiReadingRows rows;
    private final DocumentStorage storage;
    private final Acord25Extractor extractor;
    private final Acord25Ocr ocr;
    private final BackgroundJobs jobs;
    private final OneTimeTask<String> ocrTask;
    private final Clock clock;

    CoiReadings(CoiWorkflow workflow, CoiReadingRows rows, DocumentStorage storage, Acord25Extractor extractor,
                Acord25Ocr ocr, BackgroundJobs jobs, @Qualifier(CoiOcrTask.TASK_NAME) OneTimeTask<String> ocrTask,
                Clock clock) {
        this.workflow = workflow;
        this.rows = rows;
        this.storage = storage;
        this.extractor = extractor;
        this.ocr = ocr;
        this.jobs = jobs;
        this.ocrTask = ocrTask;
        this.clock = clock;
    }

    /**
     * Reads an ACORD 25 just stored for a certificate and keeps the reading. Never fails the upload: a PDF that
     * cannot be read is a {@code FAILED} reading with a plain sentence.
     */
    void readUploaded(UUID coiId, UUID documentId) {
        Instant started = clock.instant();
        byte[] content;
        try {
            content = content(documentId);
        } catch (RuntimeException e) {
            log.warn("Reading document {} failed: {}", documentId, e.toString());
            rows.insert(coiId, documentId, Acord25Extraction.unread(Status.FAILED, UNREADABLE), started,
                    clock.instant());
            return;
        }
        // A photo has no text to extract: straight to OCR, like a scan.
        boolean photo = Acord25Ocr.isPhoto(content);
        Acord25Extraction read = photo ? Acord25Extraction.unread(Status.NO_TEXT, Acord25Ocr.PHOTO_UNAVAILABLE)
                : extract(documentId, content);
        if (read.status() == Status.NO_TEXT && !ocr.available()) {
            read = Acord25Extraction.unread(Status.NO_TEXT, photo ? Acord25Ocr.PHOTO_UNAVAILABLE : Acord25Ocr.UNAVAILABLE);
        } else if (read.status() == Status.NO_TEXT) {
            rows.startReading(coiId, documentId, started);
            try {
                jobs.schedule(ocrTask, documentId.toString(), documentId.toString(), clock.instant());
                return;
            } catch (RuntimeException e) {
                log.warn("Could not schedule the OCR of document {}: {}", documentId, e.getMessage());
                rows.finish(documentId, read, clock.instant());
                return;
            }
        }
        rows.insert(coiId, documentId, read, started, clock.instant());
    }

    /** The body of {@value CoiOcrTask#TASK_NAME}: reads a scan or a photo by OCR and finishes its reading. */
    void readScan(UUID documentId) {
        if (!rows.stillReading(documentId)) {
            return;
        }
        byte[] pdf = content(documentId);
        Acord25Extraction read;
        try {
            read = ocr.read(pdf);
        } catch (RuntimeException e) {
            // The same scan would fail the same way again: said plainly rather than retried.
            log.warn("OCR of document {} failed: {}", documentId, e.toString());
            read = Acord25Extraction.unread(Status.FAILED, UNREADABLE);
        }
        rows.finish(documentId, read, clock.instant());
    }

    /** {@code GET /cois/{id}/extraction}: the latest reading, for whoever sees the certificate ({@code 404}). */
    public CoiExtraction latest(Caller caller, UUID coiId) {
        Coi coi = workflow.visible(caller, coiId);
        return latest(coi.getId()).orElseThrow(() -> new ProblemException(404, NOT_UPLOADED));
    }

    /** The certificate's latest reading, if an ACORD 25 was uploaded (the caller must see it). */
    public Optional<CoiExtraction> find(Caller caller, UUID coiId) {
        return latest(workflow.visible(caller, coiId).getId());
    }

    /** The values people corrected on the document's reading: field → what was read (null: nothing was). */
    public Map<String, String> corrected(UUID documentId) {
        Map<String, String> corrected = new LinkedHashMap<>();
        rows.corrections(documentId).forEach(c -> corrected.put(c.field(), c.readValue()));
        return corrected;
    }

    Optional<CoiExtraction> latest(UUID coiId) {
        Optional<CoiExtraction> latest = rows.latest(coiId);
        if (latest.isPresent() && latest.get().isReading()
                && latest.get().startedAt().isBefore(clock.instant().minus(GIVE_UP_AFTER))) {
            rows.finish(latest.get().documentId(), Acord25Extraction.unread(Status.FAILED, GAVE_UP), clock.instant());
            return rows.latest(coiId);
        }
        return latest;
    }

    private Acord25Extraction extract(UUID documentId, byte[] content) {
        try {
            return extractor.extract(content);
        } catch (RuntimeException e) {
            log.warn("Reading document {} failed: {}", documentId, e.toString());
            return Acord25Extraction.unread(Status.FAILED, UNREADABLE);
        }
    }

    private byte[] content(UUID documentId) {
        try (DocumentContent content = storage.open(documentId); InputStream in = content.stream()) {
            return in.readNBytes(READ_AT_MOST);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read document " + documentId, e);
        }
    }

}
