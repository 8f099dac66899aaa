package app.covenant.signatures.internal;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code signatures_signers}: who signs, in which group, and what they signed with. */
record SignerRecord(UUID id, UUID envelopeId, int order, String name, String email, String role,
                    SignerStatus status, String signatureType, String typedSignature, byte[] signaturePng,
                    String signedName, Instant signedAt, String declineReason, Instant declinedAt, String anchor) {
}
