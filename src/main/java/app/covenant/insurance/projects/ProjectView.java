package app.covenant.insurance.projects;

import app.covenant.insurance.compliance.ProjectOverrides;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A project as the API and pages show it. {@code programId} is the program set on the project (null: the
 * organization's default), {@code programName} the one in force either way; {@code overrides} its changes.
 */
public record ProjectView(UUID id, String name, String description, String address, LocalDate startDate,
                          LocalDate endDate, ProjectStatus status, UUID gcId, String gcName, String ownerEntity,
                          List<String> additionalInsureds, String borough, String block, String lot,
                          String buildingHeight, String structureType, String contactName, String contactEmail,
                          String contactPhone, String assignedAdminEmail, UUID programId, UUID effectiveProgramId,
                          String programName, ProjectOverrides overrides, Instant createdAt, Instant updatedAt) {
}
