package app.covenant.reminders.internal;

import app.covenant.reminders.ExpirationReminder;
import app.covenant.reminders.ReminderType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private static final int CHUNK = 500;
    private static final int STAMP_CHUNK = 5000;

    private final JdbcTemplate jdbc;
    private final SqlDates dates;

    ReminderRows(JdbcTemplate jdbc, SqlDates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    public static final RowMapper<ExpirationReminder> REMINDER = ReminderRows::reminder;

    /** The rows of {@code ids} with the view's names and addresses, ordered by organization. */
    public List<NewReminder> details(List<UUID> ids) {
        Map<UUID, NewReminder> found = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            jdbc.query("select r.id, r.organization_id, r.coi_id, r.policy_line, r.policy_number, r.expiration_date,"
                    + " r.days_before_expiry, r.reminder_type, v.project_name, v.sub_name, v.broker_email, v.admin_email,"
                    + " v.sub_email from reminders_expiration_reminders r join insurance_policy_expirations v"
                    + " on v.coi_id = r.coi_id and v.line = r.policy_line"
                    + " and coalesce(v.policy_number, '') = coalesce(r.policy_number, '')"
                    + " where r.id in (" + marks + ")", rs -> {
                        NewReminder row = NEW_REMINDER.mapRow(rs, 0);
                        found.putIfAbsent(row.id(), row);
                    }, chunk.toArray());
        }
        List<NewReminder> rows = new ArrayList<>(found.values());
        rows.sort(java.util.Comparator.comparing(r -> r.organizationId().toString()));
        return rows;
    }

    /** A recorded reminder with the view's names and addresses (columns of {@link #details}). */
    public static final RowMapper<NewReminder> NEW_REMINDER = (rs, i) -> new NewReminder(rs.getObject("id", UUID.class),
            rs.getObject("organization_id", UUID.class), rs.getObject("coi_id", UUID.class), rs.getString("policy_line"),
            rs.getString("policy_number"), rs.getObject("expiration_date", java.time.LocalDate.class),
            rs.getInt("days_before_expiry"), ReminderType.valueOf(rs.getString("reminder_type")),
            rs.getString("project_name"), rs.getString("sub_name"), rs.getString("broker_email"),
            rs.getString("admin_email"), rs.getString("sub_email"));

    /** Each reminder once (two view rows may match one inserted row), in the given order. */
    static List<NewReminder> distinct(List<NewReminder> rows) {
        Map<UUID, NewReminder> found = new LinkedHashMap<>();
        rows.forEach(row -> found.putIfAbsent(row.id(), row));
        return new ArrayList<>(found.values());
    }

    /**
     * Writes the addresses a reminder went to and its subject. On PostgreSQL one {@code UPDATE ... FROM unnest} per
     * {@value #STAMP_CHUNK} rows: a batch of one-row updates was most of a large run's time.
     */
    public void stamp(List<Object[]> idSentToSubject) {
        if (dates.postgres()) {
            for (int from = 0; from < idSentToSubject.size(); from += STAMP_CHUNK) {
                List<Object[]> chunk = idSentToSubject.subList(from, Math.min(idSentToSubject.size(), from + STAMP_CHUNK));
                jdbc.update(connection -> {
                    PreparedStatement update = connection.prepareStatement("update reminders_expiration_reminders r"
                            + " set sent_to = s.sent_to, email_subject = s.subject from unnest(cast(? as uuid[]),"
                            + " cast(? as varchar[]), cast(? as varchar[])) as s(id, sent_to, subject) where r.id = s.id");
                    update.setArray(1, connection.createArrayOf("uuid", chunk.stream().map(row -> row[0]).toArray()));
                    update.setArray(2, connection.createArrayOf("varchar", chunk.stream().map(row -> row[1]).toArray()));
                    update.setArray(3, connection.createArrayOf("varchar", chunk.stream().map(row -> row[2]).toArray()));
                    return update;
                });
            }
            return;
        }
        jdbc.batchUpdate("update reminders_expiration_reminders set sent_to = ?, email_subject = ? where id = ?",
                idSentToSubject.stream().map(row -> new Object[] {row[1], row[2], row[0]}).toList());
    }

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
