package app.covenant.identity.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A person accepted an invitation and is now an active member of the organization.
 *
 * @param invitedByUserId who sent the invitation; {@code null} for invitations from before this was
 *                        recorded, or from the first start (no one sent them)
 */
public record InvitationAccepted(UUID organizationId, UUID invitedUserId, UUID invitedByUserId, String email,
                                 String name, Instant acceptedAt) {
}
