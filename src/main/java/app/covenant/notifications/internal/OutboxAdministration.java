package app.covenant.notifications.internal;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators see of the outbox: their organization's messages (a super admin sees all), one
 * message with its body — on the embedded default that is how "sent" e-mail is read — and a retry of a
 * message that was given up. Bodies hold live links, so opening one is audited.
 */
@Service
public class OutboxAdministration {

    /**
     * A message as listed; {@code bodyText} only when one message is opened, and then null only for a bulk
     * message that cannot be rendered (its {@code lastError} says why once the sender has tried).
     */
    public record OutboxEmailView(UUID id, String to, String subject, String status, int attempts, Instant createdAt,
                                  Instant sentAt, String lastError, Instant nextAttemptAt, String template,
                                  String bodyText, List<AttachmentView> attachments) {
    }

    /** A file sent with a message, as pages show it: name, type and size (never its content). */
    public record AttachmentView(String filename, String contentType, long sizeBytes) {
    }

    private static final String COLUMNS = "id, to_address, subject, status, attempts, created_at, sent_at, "
            + "last_error, next_attempt_at, template";

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final DeferredRendering deferred;

    private final OutboxAttachments files;

    OutboxAdministration(JdbcTemplate jdbc, AuditTrail audit, Clock clock, DeferredRendering deferred,
                         OutboxAttachments files) {
        this.jdbc = jdbc;
        this.files = files;
        this.deferred = deferred;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<OutboxEmailView> list(Caller caller, String status, Pageable pageable) {
        List<Object> args = new ArrayList<>();
        String where = scope(caller, args);
        if (status != null && !status.isBlank()) {
            OutboxStatus parsed = parse(status);
            where += " and status = ?";
            args.add(parsed.name());
        }
        Integer total = jdbc.queryForObject("select count(*) from email_outbox where " + where, Integer.class,
                args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(pageable.getPageSize());
        pageArgs.add(pageable.getOffset());
        List<OutboxEmailView> rows = jdbc.query("select " + COLUMNS + " from email_outbox where " + where
                + " order by created_at desc limit ? offset ?", (rs, i) -> view(rs, null, List.of()), pageArgs.toArray());
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    @Transactional
    public OutboxEmailView open(Caller caller, UUID id) {
        OutboxEmailView message = find(caller, id);
        audit.record(AuditEntry.of("notifications", "outbox.message.opened").organization(caller.organizationId())
                .target("email", id));
        return message;
    }

    /** Puts a given-up message back in the queue; the one audit row says so (the retry is not an opening). */
    @Transactional
    public OutboxEmailView retry(Caller caller, UUID id) {
        OutboxEmailView message = find(caller, id);
        if (!OutboxStatus.FAILED.name().equals(message.status())) {
            throw ProblemException.conflict("Only a message that was given up can be retried; this one is "
                    + message.status().toLowerCase(Locale.ROOT) + ".");
        }
        jdbc.update("update email_outbox set status = 'PENDING', attempts = 0, last_error = null, "
                + "next_attempt_at = ?, claim_token = null where id = ? and status = 'FAILED'",
                Timestamp.from(clock.instant()), id);
        audit.record(AuditEntry.of("notifications", "outbox.message.retried").organization(caller.organizationId())
                .target("email", id));
        return find(caller, id);
    }

    private OutboxEmailView find(Caller caller, UUID id) {
        List<Object> args = new ArrayList<>();
        String where = scope(caller, args) + " and id = ?";
        args.add(id);
        return jdbc.query("select " + COLUMNS + ", body_text, model_json from email_outbox where " + where,
                (rs, i) -> view(rs, body(rs), files.listed(rs.getObject("id", UUID.class)).stream()
                        .map(file -> new AttachmentView(file.filename(), file.contentType(), file.sizeBytes())).toList()),
                args.toArray()).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Message"));
    }

    /** A bulk message not sent yet has no stored body: render it for reading, the sender stores its own. */
    private String body(ResultSet rs) throws SQLException {
        String stored = rs.getString("body_text");
        String modelJson = rs.getString("model_json");
        if (stored != null || modelJson == null) {
            return stored;
        }
        try {
            return deferred.render(rs.getString("template"), rs.getString("subject"), modelJson).text();
        } catch (DeferredRendering.Unrenderable e) {
            return null;
        }
    }

    private static String scope(Caller caller, List<Object> args) {
        if (caller.isSuperAdmin()) {
            return "1 = 1";
        }
        args.add(caller.organizationId());
        return "organization_id = ?";
    }

    private static OutboxStatus parse(String status) {
        try {
            return OutboxStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be PENDING, SENT or FAILED");
        }
    }

    private static OutboxEmailView view(ResultSet rs, String body, List<AttachmentView> attachments)
            throws SQLException {
        return new OutboxEmailView(rs.getObject("id", UUID.class), rs.getString("to_address"), rs.getString("subject"),
                rs.getString("status"), rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "sent_at"),
                rs.getString("last_error"), instant(rs, "next_attempt_at"), rs.getString("template"), body,
                attachments);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
