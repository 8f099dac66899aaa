package app.covenant.insurance.certificates;

import app.covenant.insurance.projects.SubcontractorAssigned;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the certificate request when a sub is assigned to a project: synchronously, inside the assigning
 * transaction, so an assignment never exists without its request (and a failure here rolls the assignment back).
 */
@Component
class AssignmentRequests {

    private final CoiWorkflow workflow;

    AssignmentRequests(CoiWorkflow workflow) {
        this.workflow = workflow;
    }

    @EventListener
    void on(SubcontractorAssigned assigned) {
        workflow.requestForAssignment(assigned.projectId(), assigned.subId(),
                new CoiWorkflow.Actor(assigned.actorId(), assigned.actorName(), assigned.actorEmail()));
    }
}
