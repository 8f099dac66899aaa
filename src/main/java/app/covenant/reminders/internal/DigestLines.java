package app.covenant.reminders.internal;

import app.covenant.reminders.ReminderType;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The digests of a run, as lines grouped by (organization, recipient), most urgent first within each, at most
 * {@value Digests#DIGEST_ITEMS} per digest with the digest's full count on every line.
 *
 * <p>On PostgreSQL the grouping is one query over the run's temporary table (recipients split from
 * {@code sent_to}, one window sort), streamed with a fetch size: however many reminders and recipients a run has,
 * the application holds one fetch of lines at a time. H2 cannot split a string into rows; the embedded default
 * groups its run — one organization's worth — in memory.
 */
@Component
public class DigestLines {

    private static final int FETCH = 2_000;

    private final JdbcTemplate jdbc;
    private final SqlDates dates;

    DigestLines(JdbcTemplate jdbc, SqlDates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    /** Hands each line of the run sent at {@code sentAt} to {@code line}, digest after digest. */
    public void forEach(Instant sentAt, Consumer<DigestLine> line) {
        if (!dates.postgres()) {
            inMemory(sentAt).forEach(line);
            return;
        }
        // Narrow pairs (the sort is the query's cost: 4 recipients × every new reminder), recipients compared
        // bytewise, the subject joined back only for the lines kept.
        String sql = "with pairs as (select r.organization_id, a.recipient collate \"C\" as recipient,"
                + " r.days_before_expiry, r.coi_id, r.id from " + DueReminders.RUN_TABLE + " r"
                + " cross join lateral unnest(string_to_array(r.sent_to, ',')) as a(recipient)),"
                + " ranked as (select p.*, row_number() over w as place,"
                + " count(*) over (partition by p.organization_id, p.recipient) as total from pairs p"
                + " window w as (partition by p.organization_id, p.recipient order by p.days_before_expiry, p.coi_id, p.id))"
                + " select k.organization_id, k.recipient, k.total, k.id, k.coi_id, k.days_before_expiry, r.reminder_type,"
                + " r.email_subject from ranked k join " + DueReminders.RUN_TABLE + " r on r.id = k.id"
                + " where k.place <= " + Digests.DIGEST_ITEMS + " order by k.organization_id, k.recipient, k.place";
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            // Inside the run's transaction the driver reads through a cursor, FETCH rows at a time.
            statement.setFetchSize(FETCH);
            return statement;
        }, rs -> {
            line.accept(new DigestLine(rs.getObject("organization_id", UUID.class), rs.getString("recipient"),
                    rs.getLong("total"), rs.getObject("id", UUID.class), rs.getObject("coi_id", UUID.class),
                    rs.getInt("days_before_expiry"), ReminderType.valueOf(rs.getString("reminder_type")),
                    rs.getString("email_subject")));
        });
    }

    private record Row(UUID id, UUID organizationId, UUID coiId, int days, ReminderType type, String subject,
                       String sentTo) {
    }

    private List<DigestLine> inMemory(Instant sentAt) {
        List<Row> rows = jdbc.query("select id, organization_id, coi_id, days_before_expiry, reminder_type, email_subject,"
                + " sent_to from reminders_expiration_reminders where sent_at = ?", (rs, i) -> new Row(
                rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getObject("coi_id", UUID.class), rs.getInt("days_before_expiry"),
                ReminderType.valueOf(rs.getString("reminder_type")), rs.getString("email_subject"),
                rs.getString("sent_to")), Timestamp.from(sentAt));
        Map<String, List<Row>> digests = new LinkedHashMap<>();
        for (Row row : rows) {
            for (String recipient : row.sentTo().split(",")) {
                if (!recipient.isEmpty()) {
                    digests.computeIfAbsent(row.organizationId() + " " + recipient, key -> new ArrayList<>()).add(row);
                }
            }
        }
        List<DigestLine> lines = new ArrayList<>();
        digests.forEach((key, reminders) -> {
            String recipient = key.substring(key.indexOf(' ') + 1);
            reminders.stream().sorted(Comparator.comparingInt(Row::days).thenComparing(Row::coiId).thenComparing(Row::id))
                    .limit(Digests.DIGEST_ITEMS)
                    .forEach(r -> lines.add(new DigestLine(r.organizationId(), recipient, reminders.size(), r.id(),
                            r.coiId(), r.days(), r.type(), r.subject())));
        });
        return lines;
    }
}
