package app.covenant.contracts;

import java.util.UUID;

/**
 * The list's filters (API.md): status, free text over title, reference, counterparty and body text, contracts ending
 * within {@code expiringDays} days from today (not yet ended), template, owner. Nulls filter nothing.
 */
public record ContractFilter(ContractStatus status, String q, Integer expiringDays, UUID templateId, UUID ownerId) {
}
