package app.covenant.contracts;

import java.time.LocalDate;

/**
 * The fields a person types about a contract, on creation (from a template or uploaded paper) and on each edit.
 * {@code amount} is a decimal string ≥ 0; {@code currency} ISO 4217 (USD when blank); the end date must be after the
 * start date. Checked by the service, which answers 400 naming each bad field.
 */
public record ContractDetails(String title, String counterpartyName, String counterpartyBusinessName,
                              String counterpartyEmail, LocalDate startDate, LocalDate endDate, String amount,
                              String currency, String description, Boolean autoRenew, Integer renewalPeriodMonths,
                              Integer noticePeriodDays) {
}
