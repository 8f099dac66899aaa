package app.covenant.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The ids of audit entries' targets are text; identity's records are keyed by UUID. */
final class AuditIds {

    private AuditIds() {
    }

    /** Those of {@code ids} that are UUIDs; anything else names nothing of identity's. */
    static List<UUID> uuids(Collection<String> ids) {
        return ids.stream().filter(Objects::nonNull).map(AuditIds::uuid).filter(Objects::nonNull).distinct().toList();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notOne) {
            return null;
        }
    }
}
