package app.covenant.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Names and links for the records audit entries point at, so the audit log shows "Jane Doe" linking to her
 * page rather than a UUID. The module that owns a kind of record implements this for it; declared here so
 * audit stays below those modules in the module graph (as documents' {@code UserNames} does).
 */
public interface AuditSubjects {

    /** The {@code target_type} this names, e.g. {@code user}. */
    String type();

    /**
     * Those of {@code ids} this knows, in one query for the whole page: id → name and link.
     *
     * @param organizationId the reader's current organization: only its records are named, by the names it
     *                       knows them by (the platform operator, who reads every organization's entries, too)
     */
    Map<String, Subject> describe(UUID organizationId, Collection<String> ids);

    /**
     * Those of {@code ids} that are UUIDs, once each: targets' ids are text, and an id that is not a UUID
     * names nothing of a module whose records are keyed by UUID.
     */
    static List<UUID> uuids(Collection<String> ids) {
        return ids.stream().filter(Objects::nonNull).map(AuditSubjects::uuid).filter(Objects::nonNull).distinct().toList();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notOne) {
            return null;
        }
    }

    /**
     * @param name what the record is called where it is shown
     * @param href its page, or {@code null} when it has none
     */
    record Subject(String name, String href) {
    }
}
