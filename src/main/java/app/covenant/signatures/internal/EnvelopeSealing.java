package app.covenant.signatures.internal;

import app.covenant.documents.DocumentContent;
import app.covenant.documents.DocumentOwner;
import app.covenant.documents.DocumentStorage;
import app.covenant.documents.DocumentView;
import app.covenant.documents.StagedDocument;
import app.covenant.signatures.EnvelopeCompleted;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes an envelope once its last signature is committed: builds the final PDF, seals it, stores it through
 * documents and records its SHA-256. Runs outside any transaction (storing content must), from Spring Modulith's
 * event registry: a failure leaves the publication for the {@code modulith-event-publications} job to hand back.
 */
@Component
class EnvelopeSealing {

    static final String OWNER_MODULE = "signatures";

    private final EnvelopeRows rows;
    private final EvidenceTrail trail;
    private final DocumentStorage documents;
    private final PdfSeal seal;
    private final SigningEmails emails;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EnvelopeSealing(EnvelopeRows rows, EvidenceTrail trail, DocumentStorage documents, PdfSeal seal,
                    SigningEmails emails, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                    Clock clock) {
        this.rows = rows;
        this.emails = emails;
        this.trail = trail;
        this.documents = documents;
        this.seal = seal;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Async
    @TransactionalEventListener
    void on(SealDue due) {
        complete(due.envelopeId());
    }

    void complete(UUID envelopeId) {
        EnvelopeRecord envelope = rows.find(envelopeId).orElseThrow();
        if (envelope.status() != EnvelopeStatus.SEALING) {
            return; // completed already (a resubmitted publication)
        }
        Instant now = clock.instant();
        byte[] unsealed = CompletionPages.finalDocument(original(envelope), envelope, rows.signers(envelopeId),
                trail.of(envelopeId));
        byte[] sealed = seal.seal(unsealed, envelopeId, now);
        String sha256 = Hashes.sha256(sealed);
        StagedDocument staged = documents.stage(fileName(envelope), new ByteArrayInputStream(sealed));
        transaction.executeWithoutResult(status -> {
            if (rows.lock(envelopeId).orElseThrow().status() != EnvelopeStatus.SEALING) {
                return;
            }
            DocumentView stored = documents.store(new DocumentOwner(OWNER_MODULE, envelopeId,
                    envelope.organizationId()), staged, null);
            rows.complete(envelopeId, stored.id(), sha256, now);
            trail.record(new EvidenceTrail.Entry(envelopeId, null, "COMPLETED", AuthMethod.SYSTEM, null,
                    envelope.originalSha256(), sha256, "Final PDF sealed and stored"), null, now);
            emails.completed(envelope, rows.signers(envelopeId), sealed, fileName(envelope), sha256, now);
            events.publishEvent(new EnvelopeCompleted(envelopeId, envelope.organizationId(), envelope.owner(),
                    stored.id(), sha256, now));
        });
    }

    private byte[] original(EnvelopeRecord envelope) {
        try (DocumentContent content = documents.open(envelope.originalDocumentId())) {
            return content.stream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the original of envelope " + envelope.id(), e);
        }
    }

    private static String fileName(EnvelopeRecord envelope) {
        String base = envelope.title().replaceAll("[^A-Za-z0-9 _-]", "").strip();
        return (base.isEmpty() ? "document" : base.length() > 80 ? base.substring(0, 80) : base) + " - signed.pdf";
    }
}
