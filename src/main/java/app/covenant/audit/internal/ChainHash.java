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
 * so it uses a mapper of its own, untouched by the application's Jackson settings. Rows of the old global
 * chain (before V11) hash exactly as they always did. Rows of the chains per organization hash in two steps,
 * so that PostgreSQL can link a row into its chain in the statement that appends it: the content (every
 * column but the link) first, then {@link #link} of the previous hash, the place in the chain and that
 * content hash ({@link #SQL_LINK} is the same in SQL).
 */
final class ChainHash {

    /** The {@code prev_hash} of the very first row. */
    static final String GENESIS = "0".repeat(64);

    static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ChainHash() {
    }

    /**
     * {@link #link} in PostgreSQL, of {@code head.last_hash}, {@code head.last_seq + 1} and a content hash
     * parameter.
     */
    static final String SQL_LINK = "encode(sha256(convert_to(head.last_hash || ':' || (head.last_seq + 1) || ':' "
            + "|| CAST(? AS TEXT), 'UTF8')), 'hex')";

    static String of(AuditRow row) {
        if (row.chainSeq() == null) {
            return sha256(canonical(row));
        }
        return link(row.prevHash(), row.chainSeq(), contentHash(row));
    }

    /** The hash of a row of a chain per organization at place {@code chainSeq} after {@code prevHash}. */
    static String link(String prevHash, long chainSeq, String contentHash) {
        return sha256(prevHash + ":" + chainSeq + ":" + contentHash);
    }

    /** The hash of every column of a row but its link (previous hash, chain, place, hash). */
    static String contentHash(AuditRow row) {
        return sha256(CANONICAL.writeValueAsString(content(row)));
    }

    /** The format of the old global chain: the content with the previous hash. */
    static String canonical(AuditRow row) {
        Map<String, Object> columns = content(row);
        columns.put("prevHash", row.prevHash());
        return CANONICAL.writeValueAsString(columns);
    }

    private static Map<String, Object> content(AuditRow row) {
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
        return columns;
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
