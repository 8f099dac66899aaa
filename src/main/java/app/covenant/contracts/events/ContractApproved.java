package app.covenant.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** Every approval of the round was given: the contract is APPROVED. */
public record ContractApproved(UUID contractId, UUID organizationId, int round, UUID by, Instant at) {
}
