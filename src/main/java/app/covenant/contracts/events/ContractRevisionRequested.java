package app.covenant.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** An approver sent the contract back to its owner with a comment. */
public record ContractRevisionRequested(UUID contractId, UUID organizationId, int round, String comment, UUID by, Instant at) {
}
