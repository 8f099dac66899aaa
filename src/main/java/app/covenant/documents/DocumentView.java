package app.covenant.documents;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored version of a document. Every version has its own id; the versions of one document share
 * {@code chainId} (the id of the first version) and are numbered from 1.
 *
 * @param name        the original file name, sanitised (never used as a storage key)
 * @param contentType detected from the bytes: {@code application/pdf}, DOCX, {@code image/png}, {@code image/jpeg}
 * @param sha256      hex SHA-256 of the content
 * @param latest      whether this is the newest version of its chain
 */
public record DocumentView(UUID id, UUID chainId, int version, boolean latest, UUID organizationId,
                           String ownerModule, UUID ownerRecordId, String name, String contentType, long sizeBytes,
                           String sha256, UUID uploadedBy, Instant uploadedAt) {
}
