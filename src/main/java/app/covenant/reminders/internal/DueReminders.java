package app.covenant.reminders.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The set-based heart of a run, on {@code reminders_expiration_reminders} and insurance's published view
 * {@code insurance_policy_expirations}: one {@code INSERT ... SELECT} records, for every policy in the 30-day window
 * that is neither stopped nor paused, the most recent tier due on day D. The unique (coi, line, type, due date)
 * constraint makes it exactly once: on PostgreSQL {@code ON CONFLICT DO NOTHING RETURNING id} hands back only the
 * rows this statement inserted, even with another node inserting at the same moment; on H2 (one node) rows
 * already there are skipped with {@code NOT EXISTS} and this run's rows are the ones it stamped with its instant
 * and has not given a subject yet.
 */
@Component
public class DueReminders {

    private final JdbcTemplate jdbc;
    private final SqlDates dates;

    DueReminders(JdbcTemplate jdbc, SqlDates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    /** Policies in the window of day {@code day} that may get a reminder (not stopped, not paused, not switched off). */
    public long candidates(LocalDate day) {
        Long count = jdbc.queryForObject("select count(*) from insurance_policy_expirations v " + SETTINGS_JOIN
                + " where " + ELIGIBLE, Long.class, day.plusDays(30));
        return count == null ? 0 : count;
    }

    /**
     * Records the due reminders of day {@code day}; returns the rows this call inserted with what their e-mails
     * need. On PostgreSQL one statement inserts and hands them back (the view is read once: joining it again per
     * batch of ids cost a scan of the view per batch); on H2 the inserted ids are read back through {@code rows}.
     */
    public List<NewReminder> record(LocalDate day, Instant sentAt, ReminderRows rows) {
        String d = dates.daysBetween("cast(? as date)", "v.expiration_date");
        String tiers = "select v.organization_id, v.coi_id, v.line, v.policy_number, v.expiration_date, v.broker_id,"
                + " v.project_name, v.sub_name, v.broker_email, v.admin_email, v.sub_email,"
                + " s.disabled_types, " + d + " as days_before from insurance_policy_expirations v " + SETTINGS_JOIN
                + " where " + ELIGIBLE;
        String tier = "case when t.days_before > 14 then 'DAYS_30' when t.days_before > 7 then 'DAYS_14'"
                + " when t.days_before > 2 then 'DAYS_7' when t.days_before > 0 then 'DAYS_2'"
                + " when t.days_before > -2 then 'EXPIRED' else 'EVERY_2_DAYS' end";
        String due = "case when t.days_before > 14 then " + dates.plusDays("t.expiration_date", "-30")
                + " when t.days_before > 7 then " + dates.plusDays("t.expiration_date", "-14")
                + " when t.days_before > 2 then " + dates.plusDays("t.expiration_date", "-7")
                + " when t.days_before > 0 then " + dates.plusDays("t.expiration_date", "-2")
                + " when t.days_before > -2 then t.expiration_date"
                + " else " + dates.plusDays("cast(? as date)", "-mod(-t.days_before, 2)") + " end";
        String select = "select x.* from (select t.organization_id, t.coi_id, t.line, t.policy_number, t.expiration_date,"
                + " t.days_before, " + tier + " as tier, " + due + " as due, t.broker_id, t.disabled_types,"
                + " t.project_name, t.sub_name, t.broker_email, t.admin_email, t.sub_email"
                + " from (" + tiers + ") t) x"
                + " where (',' || coalesce(x.disabled_types, '') || ',') not like ('%,' || x.tier || ',%')";
        String insert = "insert into reminders_expiration_reminders (id, organization_id, coi_id, policy_line,"
                + " policy_number, expiration_date, days_before_expiry, reminder_type, due_date, sent_at, sent_to,"
                + " email_subject, broker_id) select " + (dates.postgres() ? "gen_random_uuid()" : "random_uuid()")
                + ", n.organization_id, n.coi_id, n.line, n.policy_number, n.expiration_date, n.days_before, n.tier,"
                + " n.due, ?, '', '', n.broker_id from (" + select + ") n";
        Timestamp at = Timestamp.from(sentAt);
        if (dates.postgres()) {
            // n is read once (a CTE used twice is materialised); only the rows the insert returns are mailed.
            String returning = "with n as (" + select + "), ins as (insert into reminders_expiration_reminders (id,"
                    + " organization_id, coi_id, policy_line, policy_number, expiration_date, days_before_expiry,"
                    + " reminder_type, due_date, sent_at, sent_to, email_subject, broker_id) select gen_random_uuid(),"
                    + " n.organization_id, n.coi_id, n.line, n.policy_number, n.expiration_date, n.days_before, n.tier,"
                    + " n.due, ?, '', '', n.broker_id from n on conflict do nothing returning id, organization_id, coi_id,"
                    + " policy_line, policy_number, expiration_date, days_before_expiry, reminder_type, due_date)"
                    + " select ins.id, ins.organization_id, ins.coi_id, ins.policy_line, ins.policy_number,"
                    + " ins.expiration_date, ins.days_before_expiry, ins.reminder_type, n.project_name, n.sub_name,"
                    + " n.broker_email, n.admin_email, n.sub_email from ins join n on n.coi_id = ins.coi_id"
                    + " and n.line = ins.policy_line and n.tier = ins.reminder_type and n.due = ins.due_date"
                    + " and coalesce(n.policy_number, '') = coalesce(ins.policy_number, '')"
                    + " order by ins.organization_id";
            return ReminderRows.distinct(jdbc.query(returning, ReminderRows.NEW_REMINDER, day, day, day.plusDays(30), at));
        }
        jdbc.update(insert + " where not exists (select 1 from reminders_expiration_reminders e where e.coi_id ="
                + " n.coi_id and e.policy_line = n.line and e.reminder_type = n.tier and e.due_date = n.due)", at, day, day,
                day.plusDays(30));
        return rows.details(jdbc.queryForList("select id from reminders_expiration_reminders where sent_at = ? and"
                + " email_subject = ''", UUID.class, at));
    }

    private static final String SETTINGS_JOIN =
            "left join reminders_settings s on s.organization_id = v.organization_id";

    // Stopped: renewed or replaced, sub inactive, reminders off; paused: a replacement awaits review. The two flags
    // are tested inside a CASE: H2 pushes a plain condition on the view's EXISTS columns into the view and then
    // fails to parse its own rewrite ("replaced = false" is a syntax error there); PostgreSQL plans both alike.
    private static final String ELIGIBLE = "v.expiration_date <= ?"
            + " and case when v.replaced or v.replacement_in_review then 1 else 0 end = 0"
            + " and (v.sub_status is null or v.sub_status <> 'INACTIVE')"
            + " and coalesce(s.enabled, true) = true";
}
