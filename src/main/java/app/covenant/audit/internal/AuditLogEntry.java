package app.covenant.audit.internal;

import app.covenant.audit.AuditVisibility;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** An entry as readers see it; {@code before}/{@code after} are JSON objects (secrets already redacted). */
public record AuditLogEntry(long id, Instant occurredAt, UUID organizationId, UUID actorId, String actorEmail,
                            String module, String action, String targetType, String targetId, JsonNode before,
                            JsonNode after, String ipAddress, String userAgent, String correlationId,
                            AuditVisibility visibility, String hash) {
}
