package app.covenant.documents.internal;

import app.covenant.documents.DocumentOwner;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many documents of an organization's library were uploaded lately (a new version counts as an
 * upload): the newest rows of the library page. Other modules' documents are left out — only their own
 * access policy may say who sees them.
 */
@Component
public class RecentLibraryDocuments {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RecentLibraryDocuments(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One count on {@code ix_documents_organization_uploaded}. */
    public long count(UUID organizationId, Duration within) {
        Long count = jdbc.queryForObject("select count(*) from documents where organization_id = ? "
                        + "and uploaded_at >= ? and owner_module = ? and owner_record_id = ? and latest = true "
                        + "and deleted_at is null", Long.class, organizationId,
                Timestamp.from(clock.instant().minus(within)), DocumentOwner.LIBRARY, organizationId);
        return count == null ? 0 : count;
    }
}
