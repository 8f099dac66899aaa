package app.covenant.reminders.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The set-based heart of a run, on {@code reminders_expiration_reminders} and insurance's published view
 * {@code insurance_policy_expirations}: one {@code INSERT ... SELECT} records, for every policy in the 30-day window
 * that is neither stopped nor paused, the most recent tier due on day D, with its subject and recipients
 * ({@link ReminderTexts}). The unique (coi, line, type, due date) constraint makes it exactly once.
 *
 * <p>On PostgreSQL one statement reads the view once, counts the candidates, inserts with
 * {@code ON CONFLICT DO NOTHING} and copies the rows it inserted — only those, even with another node inserting at
 * the same moment — into the transaction's temporary table {@value #RUN_TABLE}, which {@link DigestLines} reads.
 * On H2 (the embedded default, one node) rows already there are skipped with {@code NOT EXISTS} and this run's rows
 * are the ones stamped with its instant.
 */
@Component
public class DueReminders {

    /** This run's new reminders (PostgreSQL): dropped when the run's transaction ends. */
    static final String RUN_TABLE = "reminders_run";

    private final JdbcTemplate jdbc;
    private final SqlDates dates;

    DueReminders(JdbcTemplate jdbc, SqlDates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    /** What {@link #record} did: policies in the window (not stopped, not paused, reminders on), rows inserted. */
    public record Recorded(long candidates, int reminders) {
    }

    /**
     * Records the due reminders of {@code day}, sent at {@code sentAt} to their recipients ({@code globalAdmin}, the
     * platform's {@code ADMIN_EMAIL}, may be empty). Must run inside the run's transaction.
     */
    public Recorded record(LocalDate day, Instant sentAt, String globalAdmin) {
        String admin = globalAdmin == null ? "" : globalAdmin.strip().toLowerCase(Locale.ROOT);
        Timestamp at = Timestamp.from(sentAt);
        String insert = "insert into reminders_expiration_reminders (id, organization_id, coi_id, policy_line,"
                + " policy_number, expiration_date, days_before_expiry, reminder_type, due_date, sent_at, sent_to,"
                + " email_subject, broker_id) select " + (dates.postgres() ? "gen_random_uuid()" : "random_uuid()")
                + ", n.organization_id, n.coi_id, n.line, n.policy_number, n.expiration_date, n.days_before, n.tier,"
                + " n.due, ?, " + ReminderTexts.sentTo("n") + ", " + ReminderTexts.subject("n", dates) + ", n.broker_id";
        String enabled = " where (',' || n.disabled_types || ',') not like ('%,' || n.tier || ',%')";
        if (dates.postgres()) {
            jdbc.execute("create temporary table if not exists " + RUN_TABLE + " (id uuid, organization_id uuid,"
                    + " coi_id uuid, days_before_expiry integer, reminder_type varchar(16), email_subject varchar(300),"
                    + " sent_to varchar(4000)) on commit drop");
            jdbc.execute("truncate " + RUN_TABLE);
            // n is read once (a CTE used twice is materialised); data-modifying CTEs always run to completion.
            return jdbc.queryForObject("with n as (" + due() + "), ins as (" + insert + " from n" + enabled
                    + " on conflict do nothing returning id, organization_id, coi_id, days_before_expiry, reminder_type,"
                    + " email_subject, sent_to), kept as (insert into " + RUN_TABLE + " select * from ins returning 1)"
                    + " select (select count(*) from n) as candidates, (select count(*) from kept) as reminders",
                    (rs, i) -> new Recorded(rs.getLong("candidates"), rs.getInt("reminders")),
                    day, admin, day, day.plusDays(30), at);
        }
        Long candidates = jdbc.queryForObject("select count(*) from (" + due() + ") n", Long.class, day, admin, day,
                day.plusDays(30));
        int inserted = jdbc.update(insert + " from (" + due() + ") n" + enabled + " and not exists (select 1 from"
                + " reminders_expiration_reminders e where e.coi_id = n.coi_id and e.policy_line = n.line"
                + " and e.reminder_type = n.tier and e.due_date = n.due)", at, day, admin, day, day.plusDays(30));
        return new Recorded(candidates == null ? 0 : candidates, inserted);
    }

    /**
     * The due rows of day D: each candidate policy with its most recent tier and that tier's due date (catch-up:
     * a missed day still finds the tier it missed, once). Parameters, in this order: D, the global admin's
     * address, D, D + 30.
     */
    private String due() {
        String days = dates.daysBetween("cast(? as date)", "v.expiration_date");
        String candidates = "select v.organization_id, v.coi_id, v.line, v.policy_number, v.expiration_date,"
                + " v.broker_id, v.project_name, v.sub_name, " + address("v.broker_email") + " as broker_email, "
                + address("v.admin_email") + " as admin_email, cast(? as varchar(320)) as global_admin, "
                + address("v.sub_email") + " as sub_email, coalesce(s.disabled_types, '') as disabled_types,"
                + " lower(coalesce(s.extra_recipients, '')) as extra_recipients, " + days + " as days_before"
                + " from insurance_policy_expirations v left join reminders_settings s"
                + " on s.organization_id = v.organization_id where " + ELIGIBLE;
        String tier = "case when t.days_before > 14 then 'DAYS_30' when t.days_before > 7 then 'DAYS_14'"
                + " when t.days_before > 2 then 'DAYS_7' when t.days_before > 0 then 'DAYS_2'"
                + " when t.days_before > -2 then 'EXPIRED' else 'EVERY_2_DAYS' end";
        String dueDate = "case when t.days_before > 14 then " + dates.plusDays("t.expiration_date", "-30")
                + " when t.days_before > 7 then " + dates.plusDays("t.expiration_date", "-14")
                + " when t.days_before > 2 then " + dates.plusDays("t.expiration_date", "-7")
                + " when t.days_before > 0 then " + dates.plusDays("t.expiration_date", "-2")
                + " when t.days_before > -2 then t.expiration_date"
                + " else " + dates.plusDays("cast(? as date)", "-mod(-t.days_before, 2)") + " end";
        return "select t.*, " + tier + " as tier, " + dueDate + " as due from (" + candidates + ") t";
    }

    private static String address(String column) {
        return "coalesce(lower(trim(" + column + ")), '')";
    }

    // Stopped: renewed or replaced, sub inactive, reminders off; paused: a replacement awaits review. The two flags
    // are tested inside a CASE: H2 pushes a plain condition on the view's EXISTS columns into the view and then
    // fails to parse its own rewrite ("replaced = false" is a syntax error there); PostgreSQL plans both alike.
    private static final String ELIGIBLE = "v.expiration_date <= ?"
            + " and case when v.replaced or v.replacement_in_review then 1 else 0 end = 0"
            + " and (v.sub_status is null or v.sub_status <> 'INACTIVE')"
            + " and coalesce(s.enabled, true) = true";
}
