package app.covenant.audit.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters of the audit log; {@code null} means "any". {@code from} is inclusive, {@code to} exclusive.
 *
 * @param userId the actor
 */
public record AuditFilter(String module, String action, UUID userId, String targetId, Instant from, Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
