package app.covenant.signatures;

import java.time.Instant;
import java.util.UUID;

/** Every signer signed and the sealed final PDF is stored: {@code finalDocumentId} with its SHA-256. */
public record EnvelopeCompleted(UUID envelopeId, UUID organizationId, EnvelopeOwner owner, UUID finalDocumentId,
                                String finalSha256, Instant completedAt) {
}
