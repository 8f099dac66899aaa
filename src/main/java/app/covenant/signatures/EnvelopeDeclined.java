package app.covenant.signatures;

import java.time.Instant;
import java.util.UUID;

/** A signer declined with {@code reason}; the envelope is over. */
public record EnvelopeDeclined(UUID envelopeId, UUID organizationId, UUID signerId, String signerEmail,
                               String signerRole, String reason, EnvelopeOwner owner, Instant declinedAt) {
}
