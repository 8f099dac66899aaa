package app.covenant.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hash of a row: SHA-256 (hex) over a canonical JSON object of every column, the previous row's hash
 * included, keys sorted. The format is frozen — changing it breaks verification of every stored row —
 * so it uses a mapper of its own, untouched by the application's Jackson settings. Rows of the chains per
 * organization (V11) add their place in the chain ({@code chainSeq}); rows of the old global chain have none
 * and hash exactly as they always did.
 */
final class ChainHash {

    /** The {@code prev_hash} of the very first row. */
    static final String GENESIS = "0".repeat(64);

    static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ChainHash() {
    }

    static String of(AuditRow row) {
        return sha256(canonical(row));
    }

    static String canonical(AuditRow row) {
        Map<String, Object> columns = new TreeMap<>();
        columns.put("id", row.id());
        // Instant.toString is ISO-8601 UTC; the value is already cut to the database's microseconds.
        columns.put("occurredAt", row.occurredAt().toString());
        columns.put("organizationId", text(row.organizationId()));
        columns.put("actorId", text(row.actorId()));
        columns.put("actorEmail", row.actorEmail());
        columns.put("module", row.module());
        columns.put("action", row.action());
        columns.put("targetType", row.targetType());
        columns.put("targetId", row.targetId());
        columns.put("before", row.beforeJson());
        columns.put("after", row.afterJson());
        columns.put("ipAddress", row.ipAddress());
        columns.put("userAgent", row.userAgent());
        columns.put("correlationId", row.correlationId());
        columns.put("visibility", row.visibility().name());
        columns.put("prevHash", row.prevHash());
        if (row.chainSeq() != null) {
            columns.put("chainSeq", row.chainSeq());
        }
        return CANONICAL.writeValueAsString(columns);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
