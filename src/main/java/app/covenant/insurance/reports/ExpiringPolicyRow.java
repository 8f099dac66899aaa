package app.covenant.insurance.reports;

import java.time.LocalDate;
import java.util.UUID;

/** One policy of an active certificate that expires soon, with the broker to ask for the renewal. */
public record ExpiringPolicyRow(UUID coiId, UUID policyId, UUID projectId, String projectName, UUID subcontractorId,
                                String subcontractorName, String line, String policyNumber, String insurerName,
                                LocalDate expirationDate, long daysLeft, String brokerName, String brokerEmail) {
}
