package app.covenant.identity.events;

import java.util.UUID;

/** An organization (top-level or entity) was created; modules seed their per-organization defaults from it. */
public record OrganizationCreated(UUID organizationId, String code, String name) {
}
