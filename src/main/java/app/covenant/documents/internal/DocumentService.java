package app.covenant.documents.internal;

import app.covenant.documents.DocumentContent;
import app.covenant.documents.DocumentOwner;
import app.covenant.documents.DocumentStorage;
import app.covenant.documents.DocumentView;
import app.covenant.shared.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link DocumentStorage}: inspect, record the key, write the content, then the metadata row in the
 * caller's transaction. Content without a committed row is left to {@link OrphanCleanup}.
 */
@Service
class DocumentService implements DocumentStorage {

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

    private final UploadInspector inspector;
    private final ObjectStore store;
    private final DocumentRows rows;
    private final StoredObjects objects;
    private final Clock clock;

    DocumentService(UploadInspector inspector, ObjectStore store, DocumentRows rows, StoredObjects objects,
                    Clock clock) {
        this.inspector = inspector;
        this.store = store;
        this.rows = rows;
        this.objects = objects;
        this.clock = clock;
    }

    @Override
    @Transactional
    public DocumentView store(DocumentOwner owner, String originalName, InputStream content, UUID uploadedBy) {
        try (InspectedUpload upload = inspector.inspect(originalName, content)) {
            UUID id = UUID.randomUUID();
            String key = write(upload);
            rows.insert(id, id, 1, null, owner, upload, key, uploadedBy, clock.instant());
            return rows.find(id).orElseThrow().view();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    @Transactional
    public DocumentView storeVersion(UUID documentId, String originalName, InputStream content, UUID uploadedBy) {
        DocumentView existing = find(documentId).orElseThrow(() -> ProblemException.notFound("Document"));
        try (InspectedUpload upload = inspector.inspect(originalName, content)) {
            DocumentView latest = rows.lockLatest(existing.chainId()).orElseThrow(() -> ProblemException.conflict(
                    "The document was changed or deleted at the same time; reload it and try again.")).view();
            String key = write(upload);
            UUID id = UUID.randomUUID();
            rows.supersede(latest.id());
            rows.insert(id, latest.chainId(), latest.version() + 1, latest.id(), new DocumentOwner(
                    latest.ownerModule(), latest.ownerRecordId(), latest.organizationId()), upload, key, uploadedBy,
                    clock.instant());
            return rows.find(id).orElseThrow().view();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    @Override
    @Transactional(readOnly = true)
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

    /** The presigned URL of one version's content, where the provider has them. */
    Optional<URI> presignedDownload(UUID documentId, String contentDisposition, Duration expiry) {
        DocumentRows.Row row = rows.find(documentId).orElseThrow(() -> ProblemException.notFound("Document"));
        return store.presignedDownload(row.storageKey(), contentDisposition, row.view().contentType(), expiry);
    }

    @Override
    @Transactional
    public void delete(UUID documentId) {
        find(documentId).ifPresent(document -> rows.deleteChain(document.chainId(), clock.instant()));
    }

    private String write(InspectedUpload upload) throws IOException {
        String key = UUID.randomUUID().toString();
        Instant now = clock.instant();
        objects.recordBeforeWriting(key, now);
        try (InputStream in = upload.open()) {
            store.put(key, in, upload.sizeBytes(), upload.contentType());
        } catch (IOException e) {
            log.warn("Could not store a document in {}: {}", store.describe(), e.getMessage());
            throw new ProblemException(503, "Document storage is not reachable; nothing was stored. Try again later.");
        }
        return key;
    }
}
