package app.covenant.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code email_outbox} table for the senders. The outbox is a queue, not an aggregate: a row is
 * inserted once, then moved by guarded statements (see docs/persistence.md), so it has no JPA entity. A
 * sender first claims a message (its token and a lease in {@code next_attempt_at}), and every later update
 * is guarded by that token, so a message has at most one owner at a time.
 */
@Repository
class OutboxRows {

    private static final String SENDER_COLUMNS = "id, to_address, subject, body_text, body_html, attempts, "
            + "correlation_id, holds_live_link, template, model_json";

    private final NamedParameterJdbcTemplate jdbc;

    OutboxRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // MANDATORY: the row must commit or roll back with the change that caused the message.
    @Transactional(propagation = Propagation.MANDATORY)
    void insertPending(UUID id, UUID organizationId, String toAddress, String template, RenderedEmail rendered,
                       boolean holdsLiveLink, String correlationId, Instant now) {
        jdbc.update("""
                insert into email_outbox (id, organization_id, to_address, subject, body_text, body_html, template,
                    status, attempts, next_attempt_at, created_at, correlation_id, holds_live_link)
                values (:id, :organization, :to, :subject, :text, :html, :template, 'PENDING', 0, :now, :now,
                    :correlation, :live)""", new MapSqlParameterSource()
                .addValue("id", id).addValue("organization", organizationId).addValue("to", toAddress)
                .addValue("subject", rendered.subject()).addValue("text", rendered.text())
                .addValue("html", rendered.html()).addValue("template", template)
                .addValue("now", Timestamp.from(now)).addValue("correlation", correlationId)
                .addValue("live", holdsLiveLink));
    }

    /** Locks and reads due messages, skipping those another node is claiming right now (PostgreSQL and H2 both support it). */
    @Transactional(propagation = Propagation.MANDATORY)
    List<OutboxMessage> lockDue(Instant now, int limit) {
        return jdbc.query("select " + SENDER_COLUMNS + """
                 from email_outbox
                where status = 'PENDING' and next_attempt_at <= :now
                order by next_attempt_at
                limit :limit
                for update skip locked""", Map.of("now", Timestamp.from(now), "limit", limit), OutboxRows::message);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    int claimLocked(Collection<UUID> ids, UUID token, Instant leaseEnd) {
        return jdbc.update("update email_outbox set claim_token = :token, next_attempt_at = :leaseEnd where id in (:ids)",
                Map.of("ids", ids, "token", token, "leaseEnd", Timestamp.from(leaseEnd)));
    }

    /** Claims one message if it is still due: the re-checked condition makes a racing claim find nothing. */
    @Transactional
    int claimIfDue(UUID id, UUID token, Instant now, Instant leaseEnd) {
        return jdbc.update("""
                update email_outbox set claim_token = :token, next_attempt_at = :leaseEnd
                where id = :id and status = 'PENDING' and next_attempt_at <= :now""",
                Map.of("id", id, "token", token, "now", Timestamp.from(now), "leaseEnd", Timestamp.from(leaseEnd)));
    }

    @Transactional(readOnly = true)
    Optional<OutboxMessage> find(UUID id) {
        return jdbc.query("select " + SENDER_COLUMNS + " from email_outbox where id = :id", Map.of("id", id),
                OutboxRows::message).stream().findFirst();
    }

    @Transactional
    int markSent(UUID id, UUID token, Instant sentAt) {
        return jdbc.update("""
                update email_outbox
                set status = 'SENT', attempts = attempts + 1, sent_at = :sentAt, claim_token = null
                where id = :id and claim_token = :token""",
                Map.of("id", id, "token", token, "sentAt", Timestamp.from(sentAt)));
    }

    /** {@link #markSent}, replacing the body: the recipient has the link, the outbox must not keep a usable copy. */
    @Transactional
    int markSentRedacted(UUID id, UUID token, Instant sentAt, String text, String html) {
        return jdbc.update("""
                update email_outbox
                set status = 'SENT', attempts = attempts + 1, sent_at = :sentAt, claim_token = null,
                    body_text = :text, body_html = :html, model_json = null
                where id = :id and claim_token = :token""",
                Map.of("id", id, "token", token, "sentAt", Timestamp.from(sentAt), "text", text, "html", html));
    }

    /**
     * Stores the bodies of a bulk message rendered by the node that claimed it, and drops its values: they may
     * hold a one-time link, which must not outlive the delivered body (see {@link #markSentRedacted}).
     */
    @Transactional
    int writeBodies(UUID id, UUID token, RenderedEmail rendered) {
        return jdbc.update("""
                update email_outbox set body_text = :text, body_html = :html, model_json = null
                where id = :id and claim_token = :token and body_text is null""", new MapSqlParameterSource()
                .addValue("id", id).addValue("token", token).addValue("text", rendered.text())
                .addValue("html", rendered.html()));
    }

    @Transactional
    int markFailedAttempt(UUID id, UUID token, OutboxStatus status, String error, Instant nextAttemptAt) {
        return jdbc.update("""
                update email_outbox
                set status = :status, attempts = attempts + 1, last_error = :error,
                    next_attempt_at = :nextAttemptAt, claim_token = null
                where id = :id and claim_token = :token""", new MapSqlParameterSource()
                .addValue("id", id).addValue("token", token).addValue("status", status.name())
                .addValue("error", error).addValue("nextAttemptAt", Timestamp.from(nextAttemptAt)));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    int release(UUID token, Instant now) {
        return jdbc.update("update email_outbox set claim_token = null, next_attempt_at = :now where claim_token = :token",
                Map.of("token", token, "now", Timestamp.from(now)));
    }

    @Transactional(readOnly = true)
    long countPending() {
        Long count = jdbc.queryForObject("select count(*) from email_outbox where status = 'PENDING'", Map.of(), Long.class);
        return count == null ? 0 : count;
    }

    private static OutboxMessage message(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(rs.getObject("id", UUID.class), rs.getString("to_address"), rs.getString("subject"),
                rs.getString("body_text"), rs.getString("body_html"), rs.getInt("attempts"),
                rs.getString("correlation_id"), rs.getBoolean("holds_live_link"), rs.getString("template"),
                rs.getString("model_json"));
    }
}
