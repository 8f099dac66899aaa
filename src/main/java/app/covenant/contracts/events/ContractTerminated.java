package app.covenant.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An active contract was ended early. */
public record ContractTerminated(UUID contractId, UUID organizationId, String reason, LocalDate endsOn, UUID by, Instant at) {
}
