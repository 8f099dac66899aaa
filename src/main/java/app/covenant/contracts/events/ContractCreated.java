package app.covenant.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A contract was drafted from a template or recorded from uploaded paper. */
public record ContractCreated(UUID contractId, UUID organizationId, String reference, UUID ownerId, UUID templateId, Instant at) {
}
