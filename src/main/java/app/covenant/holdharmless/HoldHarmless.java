package app.covenant.holdharmless;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An agreement as API.md's HoldHarmless representation shows it, with a few more fields: the envelope it is signed
 * through, the generation error (while {@code PENDING_GENERATION}), the decline reason, and the names around it.
 * {@code subSignedBy}/{@code gcSignedBy} are the signers' names as the envelope records them; {@code documentUrl}
 * downloads the PDF (the completed one once completed), null before one was generated.
 */
public record HoldHarmless(UUID id, UUID coiId, HoldHarmlessStatus status, LocalDate effectiveDate,
                           LocalDate expirationDate, Instant subSignedAt, String subSignedBy, Instant gcSignedAt,
                           String gcSignedBy, Instant completedAt, String documentUrl, UUID envelopeId,
                           String generationError, String rejectionReason, Instant rejectedAt, String projectName,
                           UUID projectId, String subName, UUID subId, UUID gcId, String subSignerName,
                           String subSignerEmail, String gcSignerName, String gcSignerEmail, int attempts,
                           Instant sentAt, Instant createdAt, Instant updatedAt) {
}
