package app.covenant.insurance.certificates;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.documents.DocumentAccessPolicy;
import app.covenant.documents.DocumentOwner;
import app.covenant.documents.DocumentStorage;
import app.covenant.documents.DocumentView;
import app.covenant.documents.StagedDocument;
import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The documents of certificates: uploads (an ACORD 25, policies, endorsements and others as PDF, PNG or JPEG —
 * an ACORD 25 photo is read by OCR — else {@code 415}) stored by the documents module with owner module {@code insurance} and the certificate
 * as record — checked and written outside any transaction, then recorded in a short one that checks the
 * certificate's state again; an ACORD 25 is then read at once ({@link CoiReadings}) — and the download rule: whoever sees the certificate reads its documents.
 */
@Component
public class CoiDocuments implements DocumentAccessPolicy {

    static final String OWNER_MODULE = "insurance";
    static final List<String> KINDS = List.of("ACORD25", "POLICY", "ENDORSEMENT", "OTHER");
    private static final Set<String> IMAGES_AND_PDF = Set.of("application/pdf", "image/png", "image/jpeg");

    private final CoiWorkflow workflow;
    private final CoiRows rows;
    private final DocumentStorage storage;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final CoiReadings readings;

    CoiDocuments(CoiWorkflow workflow, CoiRows rows, DocumentStorage storage, AuditTrail audit, Clock clock,
                 PlatformTransactionManager transactions, CoiReadings readings) {
        this.readings = readings;
        this.workflow = workflow;
        this.rows = rows;
        this.storage = storage;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Checks who and when first (404, 409, 403), then the kind and line (400), then the file (415, 413). */
    public CoiDocument upload(Caller caller, UUID coiId, String kind, String policyLine, String fileName, InputStream content) {
        workflow.forAction(caller, coiId, CoiAction.UPLOAD_DOCUMENT);
        if (kind == null || !KINDS.contains(kind)) {
            throw ProblemException.invalid("kind", "must be one of " + String.join(", ", KINDS));
        }
        String line = policyLine == null || policyLine.isBlank() ? null : policyLine.strip();
        if (line != null && !PolicyLimits.LINES.contains(line)) {
            throw ProblemException.invalid("policyLine", "must be one of " + String.join(", ", PolicyLimits.LINES));
        }
        if (content == null) {
            throw ProblemException.invalid("file", "Choose a file to upload.");
        }
        StagedDocument staged = storage.stage(fileName, content);
        if ("ACORD25".equals(kind) && !IMAGES_AND_PDF.contains(staged.contentType())) {
            throw new ProblemException(415, "Upload an ACORD 25 certificate as a PDF, or a PNG or JPEG photo of it; "
                    + "this file is " + staged.contentType() + ".");
        }
        if (!IMAGES_AND_PDF.contains(staged.contentType())) {
            throw new ProblemException(415, "Upload policy documents and endorsements as PDF, PNG or JPEG; this file "
                    + "is " + staged.contentType() + ".");
        }
        CoiDocument uploaded = transaction.execute(status -> {
            Coi coi = workflow.forAction(caller, coiId, CoiAction.UPLOAD_DOCUMENT);
            DocumentView stored = storage.store(new DocumentOwner(OWNER_MODULE, coi.getId(), coi.organizationId()),
                    staged, caller.userId());
            Instant now = clock.instant();
            rows.addDocument(coi.getId(), stored.id(), kind, line, caller.userId(), now);
            audit.record(AuditEntry.of("insurance", "coi.document-uploaded").actor(caller.userId(), caller.email())
                    .organization(coi.organizationId()).target("coi", coi.getId())
                    .after(Map.of("documentId", stored.id(), "kind", kind, "name", stored.name())));
            return new CoiDocument(stored.id(), kind, line, stored.name(), stored.contentType(), stored.sizeBytes(),
                    caller.userId(), now);
        });
        if ("ACORD25".equals(kind)) {
            // Read at once, after the commit: no connection is held while the PDF is parsed.
            readings.readUploaded(coiId, uploaded.documentId());
        }
        return uploaded;
    }

    /** The certificate's documents, oldest first (the caller must see the certificate). */
    public List<CoiDocument> list(Caller caller, UUID coiId) {
        Coi coi = workflow.visible(caller, coiId);
        return of(coi.getId());
    }

    List<CoiDocument> of(UUID coiId) {
        return rows.documents(coiId).stream().map(row -> {
            DocumentView view = storage.find(row.documentId()).orElse(null);
            return new CoiDocument(row.documentId(), row.kind(), row.policyLine(), view == null ? null : view.name(),
                    view == null ? null : view.contentType(), view == null ? 0 : view.sizeBytes(), row.uploadedBy(),
                    row.uploadedAt());
        }).toList();
    }

    @Override
    public String ownerModule() {
        return OWNER_MODULE;
    }

    /**
     * The record of an insurance document is the certificate it was uploaded to. A certificate started from a master
     * certificate lists the master's files, so seeing the owner or a certificate that shares its files is enough.
     */
    @Override
    public boolean canRead(Caller caller, UUID ownerRecordId) {
        return rows.visibleSharingDocuments(new InsuranceViewer(caller), ownerRecordId);
    }
}
