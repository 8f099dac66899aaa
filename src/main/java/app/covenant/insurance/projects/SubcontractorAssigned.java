package app.covenant.insurance.projects;

import java.util.List;
import java.util.UUID;

/**
 * A sub was assigned to a project (with its trades). Published inside the assigning transaction; the
 * certificates workflow listens synchronously and creates the COI request for that sub on that project in
 * the same transaction, so an assignment never exists without its request.
 *
 * @param actorId who assigned the sub
 */
public record SubcontractorAssigned(UUID organizationId, UUID projectId, UUID subId, UUID assignmentId,
                                    List<String> trades, UUID actorId, String actorName, String actorEmail) {

    public SubcontractorAssigned {
        trades = List.copyOf(trades);
    }
}
