package app.covenant.audit.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Which chains an entry may join: those of its organization, or the platform's for entries without an
 * organization. Chain 0 of an organization has the organization's key as its id; the others a name-based
 * UUID of key and number, so the id alone never collides with another organization's.
 */
final class AuditChains {

    /** The key of platform-wide entries (no organization). */
    static final UUID PLATFORM = new UUID(0, 0);

    private AuditChains() {
    }

    /** The organization key of an entry: its organization, or {@link #PLATFORM}. */
    static UUID keyOf(UUID organizationId) {
        return organizationId == null ? PLATFORM : organizationId;
    }

    static UUID chainId(UUID organizationKey, int number) {
        return number == 0 ? organizationKey
                : UUID.nameUUIDFromBytes(("audit-chain:" + organizationKey + ":" + number).getBytes(StandardCharsets.UTF_8));
    }
}
