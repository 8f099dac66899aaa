package app.covenant.identity.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An organization with its feature switches. */
public record OrganizationView(UUID id, String code, String name, String type, UUID parentId, boolean active,
                               Map<String, Boolean> features, Instant createdAt) {
}
