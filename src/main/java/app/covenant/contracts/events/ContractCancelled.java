package app.covenant.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** The contract was withdrawn before it became active. */
public record ContractCancelled(UUID contractId, UUID organizationId, String reason, UUID by, Instant at) {
}
