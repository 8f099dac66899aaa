package app.covenant.notifications.internal;

import app.covenant.notifications.internal.NotificationInbox.NotificationView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code notifications} table as its owner reads it: a user's notifications in one organization, every
 * statement scoped by both. Rows are inserted in batches ({@link NotificationWriter}), marked read by
 * guarded updates and deleted by retention, never loaded, changed and saved one at a time: no JPA entity
 * (see docs/persistence.md).
 */
@Repository
class InAppNotificationRows {

    private static final String COLUMNS = "id, type, title, message, link, created_at, read_at";
    private static final String SCOPE = " from notifications where user_id = :user and organization_id = :organization";

    private final NamedParameterJdbcTemplate jdbc;

    InAppNotificationRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; {@code type} null for every type. */
    Page<NotificationView> page(UUID userId, UUID organizationId, boolean unreadOnly, String type, Pageable pageable) {
        MapSqlParameterSource args = scope(userId, organizationId);
        String where = SCOPE;
        if (unreadOnly) {
            where += " and read_at is null";
        }
        if (type != null) {
            where += " and type = :type";
            args.addValue("type", type);
        }
        Long total = jdbc.queryForObject("select count(*)" + where, args, Long.class);
        args.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        List<NotificationView> rows = jdbc.query("select " + COLUMNS + where
                + " order by created_at desc, id desc limit :limit offset :offset", args, InAppNotificationRows::view);
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    long countUnread(UUID userId, UUID organizationId) {
        Long count = jdbc.queryForObject("select count(*)" + SCOPE + " and read_at is null",
                scope(userId, organizationId), Long.class);
        return count == null ? 0 : count;
    }

    Optional<NotificationView> find(UUID id, UUID userId, UUID organizationId) {
        return jdbc.query("select " + COLUMNS + SCOPE + " and id = :id", scope(userId, organizationId).addValue("id", id),
                InAppNotificationRows::view).stream().findFirst();
    }

    /** @return 1 if it was unread, 0 if it was read already or is not this user's in this organization */
    int markRead(UUID id, UUID userId, UUID organizationId, Instant now) {
        return jdbc.update("update notifications set read_at = :now where user_id = :user "
                        + "and organization_id = :organization and id = :id and read_at is null",
                scope(userId, organizationId).addValue("id", id).addValue("now", Timestamp.from(now)));
    }

    int markAllRead(UUID userId, UUID organizationId, Instant now) {
        return jdbc.update("update notifications set read_at = :now where user_id = :user "
                        + "and organization_id = :organization and read_at is null",
                scope(userId, organizationId).addValue("now", Timestamp.from(now)));
    }

    private static MapSqlParameterSource scope(UUID userId, UUID organizationId) {
        return new MapSqlParameterSource().addValue("user", userId).addValue("organization", organizationId);
    }

    private static NotificationView view(ResultSet rs, int row) throws SQLException {
        Instant readAt = instant(rs, "read_at");
        return new NotificationView(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("title"),
                rs.getString("message"), rs.getString("link"), readAt != null, instant(rs, "created_at"), readAt);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
