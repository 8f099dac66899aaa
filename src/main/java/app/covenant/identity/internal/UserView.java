package app.covenant.identity.internal;

import java.time.Instant;
import java.util.UUID;

/** A user as administrators see them, with their role in the organization being looked at. */
public record UserView(UUID id, String email, String name, String phone, String status, boolean emailVerified,
                       Instant lastSignInAt, Instant createdAt, UUID organizationId, String roleCode) {
}
