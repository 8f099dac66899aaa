package app.covenant.audit.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters of the audit log; {@code null} means "any". {@code from} is inclusive, {@code to} exclusive.
 *
 * @param userId     the actor
 * @param targetType what kind of record the entries are about, e.g. {@code user}
 */
public record AuditFilter(String module, String action, UUID userId, String targetType, String targetId, Instant from,
                          Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }
}
