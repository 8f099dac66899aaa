package app.covenant.identity.internal;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How many invitations into an organization nobody has accepted yet: its pending memberships. */
@Component
public class PendingInvitations {

    private final JdbcTemplate jdbc;

    PendingInvitations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One count on {@code memberships_organization_idx}; expired links count too, they still wait for a resend. */
    public long count(UUID organizationId) {
        Long count = jdbc.queryForObject("select count(*) from memberships where organization_id = ? "
                + "and status = 'PENDING'", Long.class, organizationId);
        return count == null ? 0 : count;
    }
}
