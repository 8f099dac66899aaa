package app.covenant.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One fact for the audit log, e.g.
 * {@code AuditEntry.of("identity", "auth.sign-in.failed").actor(null, email).visibility(INTERNAL)}.
 *
 * @param action dotted, past tense: {@code user.invited}, {@code coi.approved}
 */
public record AuditEntry(String module, String action, UUID actorId, String actorEmail, UUID organizationId,
                         String targetType, String targetId, Map<String, Object> before, Map<String, Object> after,
                         AuditVisibility visibility) {

    public AuditEntry {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(action, "action");
        before = before == null ? Map.of() : copy(before);
        after = after == null ? Map.of() : copy(after);
        visibility = visibility == null ? AuditVisibility.INTERNAL : visibility;
    }

    public static AuditEntry of(String module, String action) {
        return new AuditEntry(module, action, null, null, null, null, null, null, null, AuditVisibility.INTERNAL);
    }

    public AuditEntry actor(UUID id, String email) {
        return new AuditEntry(module, action, id, email, organizationId, targetType, targetId, before, after, visibility);
    }

    public AuditEntry organization(UUID id) {
        return new AuditEntry(module, action, actorId, actorEmail, id, targetType, targetId, before, after, visibility);
    }

    public AuditEntry target(String type, Object id) {
        return new AuditEntry(module, action, actorId, actorEmail, organizationId, type,
                id == null ? null : id.toString(), before, after, visibility);
    }

    public AuditEntry before(Map<String, Object> values) {
        return new AuditEntry(module, action, actorId, actorEmail, organizationId, targetType, targetId, values, after,
                visibility);
    }

    public AuditEntry after(Map<String, Object> values) {
        return new AuditEntry(module, action, actorId, actorEmail, organizationId, targetType, targetId, before, values,
                visibility);
    }

    public AuditEntry visibility(AuditVisibility level) {
        return new AuditEntry(module, action, actorId, actorEmail, organizationId, targetType, targetId, before, after,
                level);
    }

    // Keeps insertion order (stable hashes) and tolerates null values, unlike Map.copyOf.
    private static Map<String, Object> copy(Map<String, Object> values) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
