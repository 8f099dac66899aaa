package app.covenant.insurance.certificates;

import java.time.Instant;
import java.util.UUID;

/** One step of a certificate's timeline. */
public record CoiTransition(String fromStatus, String toStatus, UUID actorId, String actorName, String note,
                            Instant occurredAt) {
}
