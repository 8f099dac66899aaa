package app.covenant.signatures;

import java.time.Instant;
import java.util.UUID;

/** One signer signed; {@code owner} is the caller module's record, or null. */
public record EnvelopeSigned(UUID envelopeId, UUID organizationId, UUID signerId, String signerEmail,
                             String signerRole, EnvelopeOwner owner, Instant signedAt, boolean allSigned) {
}
