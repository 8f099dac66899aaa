package app.covenant.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * API.md's Approval representation, with the escalation (who, when, why — shown to legal only, else null), whether
 * its round is still open ({@code closedAt} is set when the round ended before it was decided) and, for the queues,
 * the contract's reference, title and status.
 */
public record ApprovalView(UUID id, UUID contractId, ApprovalType type, ApprovalStatus status, int round,
                           String comment, UUID actorId, Instant actedAt, UUID escalatedBy, Instant escalatedAt,
                           String escalationReason, Instant closedAt, Instant createdAt, String contractReference,
                           String contractTitle, ContractStatus contractStatus) {
}
