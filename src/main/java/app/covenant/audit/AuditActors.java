package app.covenant.audit;

import java.util.List;
import java.util.UUID;

/**
 * Who can appear as the actor of an organization's audit entries, for the log's actor picker. Implemented
 * by the identity module, which owns people; declared here so audit stays below it.
 */
public interface AuditActors {

    /** The organization's members (invitations not accepted yet left out), by name. */
    List<Actor> membersOf(UUID organizationId);

    record Actor(UUID id, String name) {
    }
}
