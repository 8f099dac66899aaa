package app.covenant.insurance.contractors;

import app.covenant.insurance.InsuranceStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A contractor as the API and the pages show it; {@code insuranceStatus} is the certificates workflow's
 * computed standing (PENDING while it has none), {@code gcIds} the GCs a sub works for.
 */
public record ContractorView(UUID id, ContractorType type, String name, String contactEmail, String phone,
                             String address, List<String> trades, ContractorStatus status,
                             InsuranceStatus insuranceStatus, String assignedAdminEmail, List<UUID> gcIds,
                             Instant createdAt, Instant updatedAt) {
}
