package app.covenant.contracts;

import app.covenant.contracts.templates.Annexure;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A contract as API.md's Contract representation shows it, with more fields: the snapshot of body and annexures,
 * the variable values it was filled with, the SHA-256 of the body, renewal terms, the milestones and the round of
 * approvals it is in. {@code amount} is a decimal string; {@code version} is the optimistic-lock value a PUT may send
 * back ({@code If-Match} or the {@code version} field) to refuse a stale edit.
 */
public record ContractView(UUID id, UUID organizationId, String reference, String title, ContractStatus status,
                           UUID templateId, Integer templateVersion, String counterpartyName,
                           String counterpartyBusinessName, String counterpartyEmail, LocalDate startDate,
                           LocalDate endDate, String amount, String currency, String description, String bodyHtml,
                           List<Annexure> annexures, Map<String, String> variables, String bodySha256,
                           UUID documentId, int currentVersion, int round, UUID ownerId, boolean autoRenew,
                           Integer renewalPeriodMonths, Integer noticePeriodDays, Instant submittedAt,
                           Instant legalApprovedAt, Instant approvedAt, Instant revisionRequestedAt,
                           Instant rejectedAt, Instant escalatedAt, Instant cancelledAt, String cancellationReason,
                           Instant terminatedAt, LocalDate terminationDate, String terminationReason,
                           Instant createdAt, Instant updatedAt, long version) {
}
