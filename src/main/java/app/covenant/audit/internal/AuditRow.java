package app.covenant.audit.internal;

import app.covenant.audit.AuditVisibility;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code audit_log} exactly as stored: the input of the hash chain. */
record AuditRow(long id, Instant occurredAt, UUID organizationId, UUID actorId, String actorEmail, String module,
                String action, String targetType, String targetId, String beforeJson, String afterJson,
                String ipAddress, String userAgent, String correlationId, AuditVisibility visibility,
                String prevHash, String hash) {

    static final String COLUMNS = "id, occurred_at, organization_id, actor_id, actor_email, module, action, "
            + "target_type, target_id, before_json, after_json, ip_address, user_agent, correlation_id, "
            + "visibility, prev_hash, hash";

    AuditRow withHash(String value) {
        return new AuditRow(id, occurredAt, organizationId, actorId, actorEmail, module, action, targetType, targetId,
                beforeJson, afterJson, ipAddress, userAgent, correlationId, visibility, prevHash, value);
    }
}
