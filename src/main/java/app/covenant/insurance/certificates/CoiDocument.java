package app.covenant.insurance.certificates;

import java.time.Instant;
import java.util.UUID;

/**
 * A document of a certificate: what it is ({@code kind}: ACORD25, POLICY, ENDORSEMENT, OTHER), for which line,
 * and its stored file (download at {@code /api/v1/documents/{documentId}/content}).
 */
public record CoiDocument(UUID documentId, String kind, String policyLine, String name, String contentType,
                          long sizeBytes, UUID uploadedBy, Instant uploadedAt) {
}
