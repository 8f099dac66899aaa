package app.covenant.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** The contract was rejected (terminal). */
public record ContractRejected(UUID contractId, UUID organizationId, int round, String comment, UUID by, Instant at) {
}
