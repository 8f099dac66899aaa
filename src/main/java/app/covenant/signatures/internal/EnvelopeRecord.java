package app.covenant.signatures.internal;

import app.covenant.signatures.EnvelopeOwner;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of {@code signatures_envelopes}. */
record EnvelopeRecord(UUID id, UUID organizationId, String title, String senderName,
                      EnvelopeStatus status, EnvelopeOwner owner,
                      boolean codeRequired, UUID originalDocumentId, String originalSha256, UUID finalDocumentId,
                      String finalSha256, Instant createdAt, Instant completedAt,
                      List<String> completionCopies) {
}
