package app.covenant.audit.internal;

import java.util.UUID;

/** Which chain an entry joins: its organization's, or the platform's for entries without an organization. */
final class AuditChains {

    /** The chain of platform-wide entries (no organization). */
    static final UUID PLATFORM = new UUID(0, 0);

    private AuditChains() {
    }

    static UUID of(UUID organizationId) {
        return organizationId == null ? PLATFORM : organizationId;
    }
}
