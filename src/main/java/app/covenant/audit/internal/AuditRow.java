package app.covenant.audit.internal;

import app.covenant.audit.AuditVisibility;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code audit_log} exactly as stored: the input of the hash chain.
 *
 * @param chainId  the chain the row belongs to ({@link AuditChains#chainId}); {@code null} for rows of the old global
 *                 chain written before chains per organization (V11)
 * @param chainSeq the row's place in its chain, from 1, gap-free; {@code null} with {@code chainId}
 */
record AuditRow(long id, Instant occurredAt, UUID organizationId, UUID actorId, String actorEmail, String module,
                String action, String targetType, String targetId, String beforeJson, String afterJson,
                String ipAddress, String userAgent, String correlationId, AuditVisibility visibility,
                UUID chainId, Long chainSeq, String prevHash, String hash) {

    static final String COLUMNS = "id, occurred_at, organization_id, actor_id, actor_email, module, action, "
            + "target_type, target_id, before_json, after_json, ip_address, user_agent, correlation_id, "
            + "visibility, chain_id, chain_seq, prev_hash, hash";

    AuditRow withHash(String value) {
        return new AuditRow(id, occurredAt, organizationId, actorId, actorEmail, module, action, targetType, targetId,
                beforeJson, afterJson, ipAddress, userAgent, correlationId, visibility, chainId, chainSeq, prevHash,
                value);
    }
}
