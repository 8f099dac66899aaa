package app.covenant.insurance.certificates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One policy row of a certificate as the API shows it.
 *
 * @param limits canonical key of API.md → whole dollars
 * @param brokerId the broker responsible for the line (per-policy brokers), else the global broker
 * @param attestedAt when the broker attested this row; null until then
 */
public record CoiPolicy(UUID id, String line, String insurerName, String naic, String policyNumber,
                        LocalDate effectiveDate, LocalDate expirationDate, Map<String, Long> limits,
                        boolean additionalInsured, boolean waiverOfSubrogation, boolean primaryNonContributory,
                        boolean statutory, UUID brokerId, Instant attestedAt) {
}
