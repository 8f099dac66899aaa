package app.covenant.notifications.internal;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How many of an organization's e-mails the outbox gave up ({@code FAILED}), until retried or purged. */
@Component
public class UndeliveredEmail {

    private final JdbcTemplate jdbc;

    UndeliveredEmail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One count on {@code email_outbox_organization_status_idx}; a platform operator's too stays in their organization. */
    public long count(UUID organizationId) {
        Long count = jdbc.queryForObject("select count(*) from email_outbox where organization_id = ? and status = ?",
                Long.class, organizationId, OutboxStatus.FAILED.name());
        return count == null ? 0 : count;
    }
}
