package app.covenant.signatures;

import java.time.Instant;
import java.util.UUID;

/**
 * One signer signed; {@code signedName} is the name they confirmed when signing (the envelope may name their
 * company), {@code owner} the caller module's record, or null.
 */
public record EnvelopeSigned(UUID envelopeId, UUID organizationId, UUID signerId, String signerEmail,
                             String signerRole, String signedName, EnvelopeOwner owner, Instant signedAt,
                             boolean allSigned) {
}
