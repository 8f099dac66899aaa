package app.covenant.documents;

/**
 * An upload that passed the checks (type by its bytes, size, virus scan) and whose content is already in
 * storage, but that is no document yet: {@link DocumentStorage#store(DocumentOwner, StagedDocument, java.util.UUID)}
 * records it. Content staged and never recorded is removed by the {@code documents-orphan-cleanup} job.
 *
 * @param name        the file name as it will be stored: sanitised, with the extension of the detected type
 * @param contentType detected from the bytes
 */
public interface StagedDocument {

    String name();

    String contentType();

    long sizeBytes();

    String sha256();
}
