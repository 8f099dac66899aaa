package app.covenant.documents;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The documents API for other modules. Uploads are checked before anything is stored: content type by
 * the bytes (PDF, DOCX, PNG, JPEG only, else {@code 415}), size ({@code 413}), empty ({@code 400}) and,
 * when ClamAV is configured, a virus scan ({@code 422} infected, {@code 503} scanner unreachable) — each
 * thrown as a {@link app.covenant.shared.problem.ProblemException}.
 *
 * <p>Metadata joins the caller's transaction: a rollback leaves the already written content to the
 * {@code documents-orphan-cleanup} job. Access checks are the caller's business: a module calls this
 * for records it has already authorised.
 */
public interface DocumentStorage {

    /** Stores a new document (version 1). {@code content} is read to the end but not closed. */
    DocumentView store(DocumentOwner owner, String originalName, InputStream content, UUID uploadedBy);

    /**
     * Stores a new version of the document {@code documentId} belongs to (any version of it), with the
     * same owner. Answers {@code 404} for an unknown or deleted document.
     */
    DocumentView storeVersion(UUID documentId, String originalName, InputStream content, UUID uploadedBy);

    /** The metadata of one version, unless unknown or deleted. */
    Optional<DocumentView> find(UUID documentId);

    /** Every version of the document {@code documentId} belongs to, oldest first (empty when unknown). */
    List<DocumentView> versions(UUID documentId);

    /** Opens one version's content; {@code 404} when unknown or deleted. Close the result. */
    DocumentContent open(UUID documentId);

    /**
     * Deletes the document {@code documentId} belongs to with all its versions; the content is removed
     * by the cleanup job. Does nothing when it is already gone.
     */
    void delete(UUID documentId);
}
