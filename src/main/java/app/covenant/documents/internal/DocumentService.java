package app.covenant.documents.internal;

import app.covenant.documents.DocumentContent;
import app.covenant.documents.DocumentOwner;
import app.covenant.documents.DocumentStorage;
import app.covenant.documents.DocumentView;
import app.covenant.documents.StagedDocument;
import app.covenant.shared.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link DocumentStorage}: inspect, record the key, write the content — all outside any transaction — then
 * the metadata row in the caller's (or a short) transaction. Content without a committed row is left to
 * {@link OrphanCleanup}, or {@linkplain #discard discarded} at once when its recording visibly failed.
 */
@Service
class DocumentService implements DocumentStorage {

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

    private final UploadInspector inspector;
    private final ObjectStore store;
    private final DocumentRows rows;
    private final StoredObjects objects;
    private final Clock clock;
    private final TransactionTemplate transaction;

    DocumentService(UploadInspector inspector, ObjectStore store, DocumentRows rows, StoredObjects objects,
                    Clock clock, PlatformTransactionManager transactions) {
        this.inspector = inspector;
        this.store = store;
        this.rows = rows;
        this.objects = objects;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public StagedDocument stage(String originalName, InputStream content) {
        return stage(originalName, content, null);
    }

    /**
     * Checks and writes the content; {@code requiredType} (when given) is checked before anything is written.
     * Refuses to run inside a transaction: the scan and the write may take seconds, and a pooled connection
     * held that long per upload starves every other request.
     */
    StagedContent stage(String originalName, InputStream content, String requiredType) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Documents are staged outside transactions: the virus scan and the "
                    + "storage write must not hold a database connection");
        }
        try (InspectedUpload upload = inspector.inspect(originalName, content, requiredType)) {
            return new StagedContent(write(upload), upload.name(), upload.contentType(), upload.sizeBytes(),
                    upload.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    @Transactional
    public DocumentView store(DocumentOwner owner, StagedDocument staged, UUID uploadedBy) {
        StagedContent content = StagedContent.of(staged);
        UUID id = UUID.randomUUID();
        rows.insert(id, id, 1, null, owner, content, content.name(), uploadedBy, clock.instant());
        return rows.find(id).orElseThrow().view();
    }

    @Override
    @Transactional
    public DocumentView storeVersion(UUID documentId, StagedDocument staged, UUID uploadedBy) {
        StagedContent content = StagedContent.of(staged);
        DocumentView existing = find(documentId).orElseThrow(() -> ProblemException.notFound("Document"));
        DocumentView latest = rows.lockLatest(existing.chainId()).orElseThrow(() -> ProblemException.conflict(
                "The document was changed or deleted at the same time; reload it and try again.")).view();
        requireSameType(latest.contentType(), content.contentType());
        UUID id = UUID.randomUUID();
        rows.supersede(latest.id());
        // A version replaces the content, not the document: it keeps the document's name (and so its type).
        rows.insert(id, latest.chainId(), latest.version() + 1, latest.id(), new DocumentOwner(latest.ownerModule(),
                latest.ownerRecordId(), latest.organizationId()), content, latest.name(), uploadedBy, clock.instant());
        return rows.find(id).orElseThrow().view();
    }

    @Override
    public DocumentView store(DocumentOwner owner, String originalName, InputStream content, UUID uploadedBy) {
        StagedContent staged = stage(originalName, content, null);
        return recordOrDiscard(staged, () -> store(owner, staged, uploadedBy));
    }

    @Override
    public DocumentView storeVersion(UUID documentId, String originalName, InputStream content, UUID uploadedBy) {
        DocumentView existing = find(documentId).orElseThrow(() -> ProblemException.notFound("Document"));
        StagedContent staged = stage(originalName, content, existing.contentType());
        return recordOrDiscard(staged, () -> storeVersion(documentId, staged, uploadedBy));
    }

    /**
     * Runs {@code record} in a short transaction; when it throws (nothing was committed), the staged content
     * is removed at once instead of waiting for the cleanup job. A failing commit is left to the job: the row
     * may have been committed after all.
     */
    <T> T recordOrDiscard(StagedContent staged, Supplier<T> record) {
        boolean[] refused = {false};
        try {
            return transaction.execute(status -> {
                try {
                    return record.get();
                } catch (RuntimeException e) {
                    refused[0] = true;
                    throw e;
                }
            });
        } catch (RuntimeException e) {
            if (refused[0]) {
                discard(staged);
            }
            throw e;
        }
    }

    /** Removes staged content no row names (best effort: what fails here the cleanup job removes later). */
    void discard(StagedContent staged) {
        try {
            store.delete(staged.storageKey());
            objects.forget(staged.storageKey());
        } catch (IOException | RuntimeException e) {
            log.warn("Could not remove staged document content {} at once; the cleanup job will: {}",
                    staged.storageKey(), e.getMessage());
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DocumentView> find(UUID documentId) {
        return rows.find(documentId).map(DocumentRows.Row::view);
    }

    @Override
    @Transactional(readOnly = true)
    public List<DocumentView> versions(UUID documentId) {
        return find(documentId).map(document -> rows.versions(document.chainId())).orElse(List.of());
    }

    /** Not transactional: the row is read on its own, then the store is asked without a connection held. */
    @Override
    public DocumentContent open(UUID documentId) {
        DocumentRows.Row row = rows.find(documentId).orElseThrow(() -> ProblemException.notFound("Document"));
        try {
            return new DocumentContent(row.view(), store.open(row.storageKey()));
        } catch (NoSuchFileException e) {
            log.error("Content of document {} is missing from storage ({})", documentId, store.describe());
            throw ProblemException.notFound("Document content");
        } catch (IOException e) {
            log.warn("Could not open document {}: {}", documentId, e.getMessage());
            throw new ProblemException(503, "Document storage is not reachable. Try again later.");
        }
    }

    /** The presigned URL of one version's content, where the provider has them (signed locally, no network). */
    Optional<URI> presignedDownload(UUID documentId, String contentDisposition, Duration expiry) {
        DocumentRows.Row row = rows.find(documentId).orElseThrow(() -> ProblemException.notFound("Document"));
        return store.presignedDownload(row.storageKey(), contentDisposition, row.view().contentType(), expiry);
    }

    @Override
    @Transactional
    public void delete(UUID documentId) {
        find(documentId).ifPresent(document -> rows.deleteChain(document.chainId(), clock.instant()));
    }

    static void requireSameType(String documentType, String contentType) {
        if (!documentType.equals(contentType)) {
            throw new ProblemException(415, "A new version must be of the document's type (" + documentType
                    + "); this file is " + contentType + ". Upload it as a new document instead.");
        }
    }

    private String write(InspectedUpload upload) throws IOException {
        String key = UUID.randomUUID().toString();
        objects.recordBeforeWriting(key, clock.instant());
        try (InputStream in = upload.open()) {
            store.put(key, in, upload.sizeBytes(), upload.contentType());
        } catch (IOException e) {
            log.warn("Could not store a document in {}: {}", store.describe(), e.getMessage());
            throw new ProblemException(503, "Document storage is not reachable; nothing was stored. Try again later.");
        }
        return key;
    }
}
