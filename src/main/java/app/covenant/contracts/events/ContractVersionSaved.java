package app.covenant.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A new version of the contract was saved (creation, edit, upload or restore). */
public record ContractVersionSaved(UUID contractId, UUID organizationId, int number, String kind, UUID by, Instant at) {
}
