package app.covenant.contracts;

import java.time.Instant;
import java.util.UUID;

/** One entry of a contract's activity feed: who did what, when, with the comment or reason given. */
public record ActivityView(UUID id, UUID contractId, UUID actorId, String actorName, String action, String detail,
                           Instant at) {
}
