package app.covenant.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A contract was submitted for approval: round {@code round} is open. */
public record ContractSubmitted(UUID contractId, UUID organizationId, int round, boolean financeRequired, UUID by, Instant at) {
}
