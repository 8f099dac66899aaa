package app.covenant.documents.internal;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.documents.DocumentAccessPolicy;
import app.covenant.documents.DocumentContent;
import app.covenant.documents.DocumentOwner;
import app.covenant.documents.DocumentView;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What {@code /api/v1/documents} and the documents pages do for a caller: the organization's library
 * (list, upload, new version, delete) and reading any document the owning module's
 * {@link DocumentAccessPolicy} allows. Whatever the caller may not read answers 404, never 403.
 * Uploads, deletions and downloads are audited.
 */
@Service
public class DocumentLibrary {

    /** Deletes any document of the library, not only one's own uploads. */
    static final String MANAGE_PERMISSION = "document:manage";

    /** One version with the chain it belongs to (oldest first). */
    public record DocumentDetails(DocumentView document, List<DocumentView> versions) {
    }

    /**
     * Uploading lets one change (new version, delete) what one brought (the first version), not a colleague's
     * files; holders of {@value #MANAGE_PERMISSION} change any library document.
     */
    public static boolean mayChange(Caller caller, DocumentDetails details) {
        return caller.has(MANAGE_PERMISSION) || caller.has("document:upload")
                && caller.userId().equals(details.versions().getFirst().uploadedBy());
    }

    private final DocumentService documents;
    private final DocumentRows rows;
    private final Map<String, DocumentAccessPolicy> policies;
    private final AuditTrail audit;
    private final DocumentsProperties properties;

    DocumentLibrary(DocumentService documents, DocumentRows rows, List<DocumentAccessPolicy> policies,
                    AuditTrail audit, DocumentsProperties properties) {
        this.documents = documents;
        this.rows = rows;
        this.policies = policies.stream().collect(Collectors.toMap(DocumentAccessPolicy::ownerModule,
                Function.identity()));
        this.audit = audit;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public Page<DocumentView> list(Caller caller, String name, Pageable pageable) {
        return rows.latestOf(DocumentOwner.LIBRARY, caller.organizationId(), caller.organizationId(), name, pageable);
    }

    /**
     * Checks, scans and writes the content without a transaction (so no pooled connection waits on ClamAV or the
     * object store), then records the row and its audit entry in one short transaction.
     */
    public DocumentView upload(Caller caller, String originalName, InputStream content) {
        StagedContent staged = documents.stage(originalName, content, null);
        return documents.recordOrDiscard(staged, () -> {
            DocumentView stored = documents.store(DocumentOwner.library(caller.organizationId()), staged,
                    caller.userId());
            record(caller, "document.uploaded", stored);
            return stored;
        });
    }

    /**
     * A new version of a library document: only by its uploader or a holder of {@value #MANAGE_PERMISSION}
     * ({@code 403}), of the document's own type ({@code 415}, refused before anything is written); the
     * document keeps its name. Staged outside any transaction, like {@link #upload}.
     */
    public DocumentView uploadVersion(Caller caller, UUID id, String originalName, InputStream content) {
        DocumentView current = changeableLibraryDocument(caller, id);
        StagedContent staged = documents.stage(originalName, content, current.contentType());
        return documents.recordOrDiscard(staged, () -> {
            DocumentView stored = documents.storeVersion(current.id(), staged, caller.userId());
            record(caller, "document.version-uploaded", stored);
            return stored;
        });
    }

    /**
     * The library document {@code id} of the caller's organization that the caller may change (404 when it is
     * not there, 403 when it is someone else's and the caller lacks {@value #MANAGE_PERMISSION}); checked
     * before an upload is read.
     */
    @Transactional(readOnly = true)
    public DocumentView changeableLibraryDocument(Caller caller, UUID id) {
        DocumentView document = ownLibraryDocument(caller, id);
        if (!mayChange(caller, new DocumentDetails(document, documents.versions(document.id())))) {
            throw ProblemException.forbidden("Only the person who uploaded a document, or a holder of "
                    + MANAGE_PERMISSION + ", changes it.");
        }
        return document;
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        DocumentView document = ownLibraryDocument(caller, id);
        if (!mayChange(caller, new DocumentDetails(document, documents.versions(document.id())))) {
            throw ProblemException.forbidden("Only the person who uploaded a document, or a holder of "
                    + MANAGE_PERMISSION + ", deletes it.");
        }
        documents.delete(document.id());
        record(caller, "document.deleted", document);
    }

    /** The library document {@code id} of the caller's organization, or 404 — the precondition of every change. */
    @Transactional(readOnly = true)
    public DocumentView ownLibraryDocument(Caller caller, UUID id) {
        return documents.find(id)
                .filter(document -> DocumentOwner.LIBRARY.equals(document.ownerModule())
                        && document.organizationId().equals(caller.organizationId())
                        && document.ownerRecordId().equals(caller.organizationId()))
                .orElseThrow(() -> ProblemException.notFound("Document"));
    }

    @Transactional(readOnly = true)
    public DocumentDetails details(Caller caller, UUID id) {
        DocumentView document = readable(caller, id);
        return new DocumentDetails(document, documents.versions(document.id()));
    }

    /**
     * Opens the content for download (audited); the caller streams and closes it. No transaction spans the
     * store's answer: the access check and the audit entry each take a connection only for their query.
     */
    public DocumentContent download(Caller caller, UUID id) {
        DocumentView document = readable(caller, id);
        DocumentContent content = documents.open(document.id());
        try {
            record(caller, "document.downloaded", document);
        } catch (RuntimeException e) {
            closeQuietly(content);
            throw e;
        }
        return content;
    }

    /**
     * A short-lived provider URL for the download (audited), when {@code STORAGE_PRESIGNED_DOWNLOADS} is on
     * and the provider has them; empty means: stream it through {@link #download}.
     */
    @Transactional
    public Optional<URI> presignedDownload(Caller caller, UUID id, String contentDisposition) {
        if (!properties.presignedDownloads()) {
            return Optional.empty();
        }
        DocumentView document = readable(caller, id);
        Optional<URI> url = documents.presignedDownload(document.id(), contentDisposition,
                properties.presignedExpiry());
        url.ifPresent(ignored -> record(caller, "document.downloaded", document));
        return url;
    }

    private DocumentView readable(Caller caller, UUID id) {
        return documents.find(id)
                .filter(document -> document.organizationId().equals(caller.organizationId()))
                .filter(document -> {
                    DocumentAccessPolicy policy = policies.get(document.ownerModule());
                    return policy != null && policy.canRead(caller, document.ownerRecordId());
                })
                .orElseThrow(() -> ProblemException.notFound("Document"));
    }

    private static void closeQuietly(DocumentContent content) {
        try {
            content.close();
        } catch (IOException | RuntimeException ignored) {
            // The download fails anyway; the audit failure is what the caller hears about.
        }
    }

    private void record(Caller caller, String action, DocumentView document) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("name", document.name());
        facts.put("version", document.version());
        facts.put("contentType", document.contentType());
        facts.put("sizeBytes", document.sizeBytes());
        facts.put("sha256", document.sha256());
        audit.record(AuditEntry.of("documents", action).actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("document", document.id()).after(facts));
    }
}
