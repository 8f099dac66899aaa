package app.covenant.insurance.certificates;

import java.time.LocalDate;
import java.util.UUID;

/** A policy of an ACTIVE certificate expiring soon ({@code GET /cois/expiring}); {@code daysLeft} from today. */
public record ExpiringPolicy(UUID coiId, UUID projectId, String projectName, UUID subcontractorId,
                             String subcontractorName, String line, String insurerName, String policyNumber,
                             LocalDate expirationDate, long daysLeft) {
}
