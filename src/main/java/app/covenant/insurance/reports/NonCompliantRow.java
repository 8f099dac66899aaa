package app.covenant.insurance.reports;

import java.util.UUID;

/**
 * One sub on one project whose insurance status is not compliant, with its latest certificate on that
 * project (none yet: {@code coiId} and {@code coiStatus} are null) and that certificate's open deficiencies.
 */
public record NonCompliantRow(UUID projectId, String projectName, UUID gcId, String gcName, UUID subcontractorId,
                              String subcontractorName, String insuranceStatus, UUID coiId, String coiStatus,
                              int deficiencies, String assignedAdminEmail) {
}
