package app.covenant.reminders.internal;

import app.covenant.reminders.ExpirationReminder;
import app.covenant.reminders.ReminderType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** JdbcTemplate access to {@code reminders_expiration_reminders}. */
@Component
public class ReminderRows {

    public static final String COLUMNS = "r.id, r.coi_id, r.policy_line, r.expiration_date, r.days_before_expiry,"
            + " r.reminder_type, r.sent_at, r.sent_to, r.email_subject, r.acknowledged, r.acknowledged_at,"
            + " r.acknowledged_by";

    private final JdbcTemplate jdbc;

    ReminderRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static final RowMapper<ExpirationReminder> REMINDER = ReminderRows::reminder;

    /** Marks a reminder acknowledged, once: the first acknowledgement's author and time stay. */
    public void acknowledge(UUID id, UUID by, Instant at) {
        jdbc.update("update reminders_expiration_reminders set acknowledged = true, acknowledged_by = ?,"
                + " acknowledged_at = ? where id = ? and acknowledged = false", by, Timestamp.from(at), id);
    }

    private static ExpirationReminder reminder(ResultSet rs, int row) throws SQLException {
        Timestamp ackAt = rs.getTimestamp("acknowledged_at");
        String sentTo = rs.getString("sent_to");
        return new ExpirationReminder(rs.getObject("id", UUID.class), rs.getObject("coi_id", UUID.class),
                rs.getString("policy_line"), rs.getObject("expiration_date", java.time.LocalDate.class),
                rs.getInt("days_before_expiry"), ReminderType.valueOf(rs.getString("reminder_type")),
                rs.getTimestamp("sent_at").toInstant(),
                sentTo == null || sentTo.isBlank() ? List.of() : Arrays.asList(sentTo.split(",")),
                rs.getString("email_subject"), rs.getBoolean("acknowledged"), ackAt == null ? null : ackAt.toInstant(),
                rs.getObject("acknowledged_by", UUID.class));
    }
}
