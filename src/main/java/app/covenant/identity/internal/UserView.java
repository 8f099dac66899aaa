package app.covenant.identity.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A user as administrators see them, with their role in the organization being looked at.
 *
 * @param locked too many failed sign-ins: refused until the lock runs out or an administrator unlocks
 */
public record UserView(UUID id, String email, String name, String phone, String status, boolean emailVerified,
                       Instant lastSignInAt, Instant createdAt, UUID organizationId, String roleCode, boolean locked) {
}
