package app.covenant.notifications.internal;

import app.covenant.audit.AuditSubjects;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Outbox e-mails in the audit log, by their subject, linked to the message's page; the reader's organization's only. */
@Component
class AuditEmailSubjects implements AuditSubjects {

    private final NamedParameterJdbcTemplate jdbc;

    AuditEmailSubjects(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return "email";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Subject> describe(UUID organizationId, Collection<String> ids) {
        Map<String, Subject> named = new HashMap<>();
        List<UUID> messages = AuditSubjects.uuids(ids);
        if (messages.isEmpty() || organizationId == null) {
            return named;
        }
        jdbc.query("select id, subject from email_outbox where id in (:messages) and organization_id = :organization",
                Map.of("messages", messages, "organization", organizationId), rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    named.put(id.toString(), new Subject(rs.getString(2), "/admin/outbox/" + id));
                });
        return named;
    }
}
