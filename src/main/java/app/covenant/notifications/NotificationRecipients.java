package app.covenant.notifications;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Who can be notified, answered by the module that knows users ({@code identity} implements it).
 * Declared here, not there, because identity already uses this module to send its e-mail: the
 * dependency points one way.
 */
public interface NotificationRecipients {

    /** Those of {@code userIds} who are active members of the organization, with their address. */
    List<Recipient> activeMembers(UUID organizationId, Collection<UUID> userIds);

    /** The active members of the organization whose role holds {@code permission}. */
    List<UUID> holdersOf(UUID organizationId, String permission);

    record Recipient(UUID userId, String email, String name) {
    }
}
