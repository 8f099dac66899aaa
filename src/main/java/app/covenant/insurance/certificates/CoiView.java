package app.covenant.insurance.certificates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A certificate as the API shows it (API.md "COI") with the names of its project and companies, its review and
 * attestation fields, and {@code allowedActions}: what the caller may do to it now. The detail view adds
 * {@code brokers}, {@code documents}, {@code transitions} and {@code extraction} (null in lists).
 */
public record CoiView(UUID id, UUID projectId, String projectName, UUID subcontractorId, String subcontractorName,
                      UUID gcId, String gcName, String status, String brokerType, String assignedAdminEmail,
                      String holdHarmlessStatus, String certificateHolder, LocalDate earliestExpiration,
                      UUID renewalOfId, UUID copiedFromId, Instant uploadSubmittedAt, Instant attestedAt,
                      String attestationSignerName, Instant reviewRequestedAt, UUID reviewerId, Instant reviewedAt,
                      String reviewDecision, String reviewNotes, Instant policiesConfirmedAt,
                      List<CoiPolicy> policies, List<CoiDeficiency> deficiencies, Set<CoiAction> allowedActions,
                      List<CoiBroker> brokers, List<CoiDocument> documents, List<CoiTransition> transitions,
                      Instant createdAt, Instant updatedAt, Extraction extraction) {

    /** The latest ACORD 25 reading in short (the detail view; null in lists and when no ACORD 25 was uploaded). */
    public record Extraction(String status, String method, java.util.UUID documentId) {
    }

    CoiView withChildren(List<CoiPolicy> policies, List<CoiDeficiency> deficiencies, Set<CoiAction> allowedActions,
                         List<CoiBroker> brokers, List<CoiDocument> documents, List<CoiTransition> transitions) {
        return new CoiView(id, projectId, projectName, subcontractorId, subcontractorName, gcId, gcName, status,
                brokerType, assignedAdminEmail, holdHarmlessStatus, certificateHolder, earliestExpiration, renewalOfId,
                copiedFromId, uploadSubmittedAt, attestedAt, attestationSignerName, reviewRequestedAt, reviewerId,
                reviewedAt, reviewDecision, reviewNotes, policiesConfirmedAt, policies, deficiencies, allowedActions,
                brokers, documents, transitions, createdAt, updatedAt, extraction);
    }

    CoiView withExtraction(Extraction extraction) {
        return new CoiView(id, projectId, projectName, subcontractorId, subcontractorName, gcId, gcName, status,
                brokerType, assignedAdminEmail, holdHarmlessStatus, certificateHolder, earliestExpiration, renewalOfId,
                copiedFromId, uploadSubmittedAt, attestedAt, attestationSignerName, reviewRequestedAt, reviewerId,
                reviewedAt, reviewDecision, reviewNotes, policiesConfirmedAt, policies, deficiencies, allowedActions,
                brokers, documents, transitions, createdAt, updatedAt, extraction);
    }
}
