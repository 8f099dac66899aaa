package app.covenant.signatures;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An envelope with its signers and evidence trail, as {@code GET /api/v1/envelopes/{id}} shows it. */
public record EnvelopeView(UUID id, UUID organizationId, String title, String status, EnvelopeOwner owner,
                           boolean codeRequired, UUID originalDocumentId, String originalSha256,
                           UUID finalDocumentId, String finalSha256, Instant createdAt, Instant completedAt,
                           List<Signer> signers, List<Event> events) {

    public record Signer(UUID id, int order, String name, String email, String role, String status,
                         String signatureType, Instant signedAt, String declineReason, Instant declinedAt) {
    }

    /** One event of the trail with its evidence. */
    public record Event(UUID id, String type, UUID signerId, Instant occurredAt, String ipAddress, String userAgent,
                        String authMethod, String disclosureVersion, String hashBefore, String hashAfter,
                        String detail) {
    }
}
