package app.covenant.signatures.internal;

import app.covenant.signatures.EnvelopeView;
import app.covenant.signatures.Evidence;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The events of an envelope with their evidence, appended and never changed. */
@Component
class EvidenceTrail {

    /** What happened, to whom, and how they proved who they were. */
    record Entry(UUID envelopeId, UUID signerId, String type, AuthMethod authMethod, String disclosureVersion,
                 String hashBefore, String hashAfter, String detail) {
    }

    private final JdbcTemplate jdbc;

    EvidenceTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(Entry entry, Evidence evidence, Instant now) {
        String detail = entry.detail() == null || entry.detail().length() <= 2000 ? entry.detail()
                : entry.detail().substring(0, 2000);
        jdbc.update("insert into signatures_events (id, envelope_id, signer_id, event_type, occurred_at, ip_address, "
                        + "user_agent, auth_method, disclosure_version, hash_before, hash_after, detail) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), entry.envelopeId(),
                entry.signerId(), entry.type(), Timestamp.from(now), evidence == null ? null : evidence.ipAddress(),
                evidence == null ? null : evidence.userAgent(),
                entry.authMethod() == null ? null : entry.authMethod().name(), entry.disclosureVersion(),
                entry.hashBefore(), entry.hashAfter(), detail);
    }

    List<EnvelopeView.Event> of(UUID envelopeId) {
        return jdbc.query("select id, event_type, signer_id, occurred_at, ip_address, user_agent, auth_method, "
                        + "disclosure_version, hash_before, hash_after, detail from signatures_events "
                        + "where envelope_id = ? order by seq",
                (rs, row) -> new EnvelopeView.Event(rs.getObject("id", UUID.class), rs.getString("event_type"),
                        rs.getObject("signer_id", UUID.class), EnvelopeRows.instant(rs, "occurred_at"),
                        rs.getString("ip_address"), rs.getString("user_agent"), rs.getString("auth_method"),
                        rs.getString("disclosure_version"), rs.getString("hash_before"), rs.getString("hash_after"),
                        rs.getString("detail")), envelopeId);
    }
}
