package app.covenant.documents;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The documents API for other modules. Uploads are checked before anything is stored: content type by
 * the bytes (PDF, DOCX, PNG, JPEG only, else {@code 415}; a DOCX that would inflate past the limit too),
 * size ({@code 413}), empty ({@code 400}) and, when ClamAV is configured, a virus scan ({@code 422}
 * infected, {@code 503} scanner unreachable) — each thrown as a {@link app.covenant.shared.problem.ProblemException}.
 *
 * <p>Checking, scanning and writing the content are network work, so they happen in {@link #stage}, which
 * refuses to run inside a transaction: a pooled database connection is never held while ClamAV or the
 * object store answers. Recording the staged content ({@link #store(DocumentOwner, StagedDocument, UUID)},
 * {@link #storeVersion(UUID, StagedDocument, UUID)}) joins the caller's transaction; a rollback leaves the
 * content to the {@code documents-orphan-cleanup} job. Access checks are the caller's business: a module
 * calls this for records it has already authorised.
 */
public interface DocumentStorage {

    /**
     * Checks {@code content} and writes it to storage. {@code content} is read to the end but not closed.
     *
     * @throws IllegalStateException when called inside a transaction
     */
    StagedDocument stage(String originalName, InputStream content);

    /** Records staged content as a new document (version 1), in the caller's transaction if there is one. */
    DocumentView store(DocumentOwner owner, StagedDocument content, UUID uploadedBy);

    /**
     * Records staged content as a new version of the document {@code documentId} belongs to (any version of
     * it), with the same owner and name. Answers {@code 404} for an unknown or deleted document and {@code 415}
     * when the content's type differs from the document's.
     */
    DocumentView storeVersion(UUID documentId, StagedDocument content, UUID uploadedBy);

    /** {@link #stage} and {@link #store(DocumentOwner, StagedDocument, UUID)} in a short transaction of its own. */
    DocumentView store(DocumentOwner owner, String originalName, InputStream content, UUID uploadedBy);

    /**
     * {@link #stage} (refusing another type than the document's before anything is written) and
     * {@link #storeVersion(UUID, StagedDocument, UUID)} in a short transaction of its own.
     */
    DocumentView storeVersion(UUID documentId, String originalName, InputStream content, UUID uploadedBy);

    /** The metadata of one version, unless unknown or deleted. */
    Optional<DocumentView> find(UUID documentId);

    /** Every version of the document {@code documentId} belongs to, oldest first (empty when unknown). */
    List<DocumentView> versions(UUID documentId);

    /** Opens one version's content (outside any transaction); {@code 404} when unknown or deleted. Close the result. */
    DocumentContent open(UUID documentId);

    /**
     * Deletes the document {@code documentId} belongs to with all its versions; the content is removed
     * by the cleanup job. Does nothing when it is already gone.
     */
    void delete(UUID documentId);
}
