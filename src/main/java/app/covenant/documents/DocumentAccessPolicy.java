package app.covenant.documents;

import app.covenant.shared.security.Caller;
import java.util.UUID;

/**
 * Implemented by each module that owns documents (a Spring bean): whether a caller may read the
 * record a document belongs to, and so download the document through {@code /api/v1/documents}.
 * A document whose owner module has no policy is readable by nobody there (it answers 404).
 */
public interface DocumentAccessPolicy {

    /** The owner module this policy speaks for, as in {@link DocumentOwner#module()}. */
    String ownerModule();

    /** Whether {@code caller} may read the owning record {@code ownerRecordId} (and its documents). */
    boolean canRead(Caller caller, UUID ownerRecordId);
}
