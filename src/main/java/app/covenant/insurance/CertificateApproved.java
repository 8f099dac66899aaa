package app.covenant.insurance;

import java.time.Instant;
import java.util.UUID;

/**
 * A reviewer approved a certificate of insurance: it is {@link CoiStatus#ACTIVE} now. Published inside the
 * approving transaction (listeners that must not fail the approval listen after commit), e.g. for the
 * hold-harmless agreement the project's program may require.
 */
public record CertificateApproved(UUID organizationId, UUID coiId, UUID projectId, UUID subId, UUID gcId,
                                  UUID approvedBy, Instant approvedAt) {
}
