package app.covenant.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** The legal approval of the round was escalated to the head of legal. */
public record ContractEscalated(UUID contractId, UUID organizationId, int round, String reason, UUID by, Instant at) {
}
