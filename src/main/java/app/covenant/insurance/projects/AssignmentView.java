package app.covenant.insurance.projects;

import app.covenant.insurance.CoiStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A sub on a project with its trades and, when the caller may see it, its latest certificate there. */
public record AssignmentView(UUID id, UUID projectId, UUID subcontractorId, String subcontractorName,
                             List<String> trades, Instant createdAt, UUID latestCoiId, CoiStatus latestCoiStatus) {
}
