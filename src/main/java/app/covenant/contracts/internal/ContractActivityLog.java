package app.covenant.contracts.internal;

import app.covenant.audit.AuditVisibility;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code contract_activity} table: a contract's own feed, appended in the transaction of the change it
 * describes. Entries {@link AuditVisibility#LEGAL_ONLY} are for legal's eyes (an escalation's reason).
 */
@Component
class ContractActivityLog {

    record Entry(UUID id, UUID contractId, UUID actorId, String action, String detail, AuditVisibility visibility,
                 Instant at) {
    }

    private final JdbcTemplate jdbc;

    ContractActivityLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void append(UUID contractId, UUID actorId, String action, String detail, AuditVisibility visibility, Instant at) {
        jdbc.update("insert into contract_activity (id, contract_id, actor_id, action, detail, visibility, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), contractId, actorId, action,
                detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000), visibility.name(),
                Timestamp.from(at));
    }

    /** Newest first; {@code withLegalOnly} includes the entries for legal. */
    List<Entry> of(UUID contractId, boolean withLegalOnly, int limit) {
        return jdbc.query("select id, contract_id, actor_id, action, detail, visibility, created_at from contract_activity"
                        + " where contract_id = ?" + (withLegalOnly ? "" : " and visibility <> 'LEGAL_ONLY'")
                        + " order by created_at desc, id limit ?",
                (rs, i) -> new Entry(rs.getObject("id", UUID.class), rs.getObject("contract_id", UUID.class),
                        rs.getObject("actor_id", UUID.class), rs.getString("action"), rs.getString("detail"),
                        AuditVisibility.valueOf(rs.getString("visibility")),
                        rs.getTimestamp("created_at").toInstant()), contractId, limit);
    }
}
