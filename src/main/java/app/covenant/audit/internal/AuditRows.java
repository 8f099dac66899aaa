package app.covenant.audit.internal;

import app.covenant.audit.AuditVisibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reading and writing {@link AuditRow}s with plain JDBC: the hash needs the columns byte for byte. */
final class AuditRows {

    private static final String INSERT = "INSERT INTO audit_log (" + AuditRow.COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private AuditRows() {
    }

    static AuditRow map(ResultSet rs, int rowNumber) throws SQLException {
        return new AuditRow(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("organization_id", UUID.class), rs.getObject("actor_id", UUID.class),
                rs.getString("actor_email"), rs.getString("module"), rs.getString("action"),
                rs.getString("target_type"), rs.getString("target_id"), rs.getString("before_json"),
                rs.getString("after_json"), rs.getString("ip_address"), rs.getString("user_agent"),
                rs.getString("correlation_id"), AuditVisibility.valueOf(rs.getString("visibility")),
                rs.getObject("chain_id", UUID.class), rs.getObject("chain_seq", Long.class),
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    static void insert(JdbcTemplate jdbc, AuditRow row) {
        jdbc.update(INSERT, arguments(row).toArray());
    }

    /** The values of {@link #INSERT}, in order. */
    private static List<Object> arguments(AuditRow row) {
        return Arrays.asList(row.id(), row.occurredAt().atOffset(ZoneOffset.UTC), row.organizationId(), row.actorId(),
                row.actorEmail(), row.module(), row.action(), row.targetType(), row.targetId(), row.beforeJson(),
                row.afterJson(), row.ipAddress(), row.userAgent(), row.correlationId(), row.visibility().name(),
                row.chainId(), row.chainSeq(), row.prevHash(), row.hash());
    }
}
