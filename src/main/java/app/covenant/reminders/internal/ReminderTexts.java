package app.covenant.reminders.internal;

import app.covenant.reminders.ReminderType;
import java.util.ArrayList;
import java.util.List;

/**
 * A reminder's subject and recipients as SQL expressions over one due row, so the insert writes them with the row:
 * giving half a million new rows their subject afterwards, in Java, cost an update as large as the insert.
 *
 * <p>The columns read are those of {@link DueReminders}' due rows: {@code tier}, {@code days_before},
 * {@code line}, {@code policy_number}, {@code sub_name}, {@code project_name}, {@code expiration_date}, and the
 * addresses {@code broker_email}, {@code admin_email}, {@code global_admin}, {@code sub_email} (lower-cased,
 * trimmed, empty when absent) and {@code extra_recipients} (the settings' list, already clean).
 */
final class ReminderTexts {

    private static final int SUBJECT_MAX = 250;

    private ReminderTexts() {
    }

    /**
     * e.g. {@code [7 Days] URGENT GL policy ABC-1 of Demo Electric (Hudson Yards) expires on 13 December 2026}; the
     * prefixes are {@link ReminderType#subjectPrefix}'s, an overdue one says how many days late the e-mail goes out.
     */
    static String subject(String n, SqlDates dates) {
        StringBuilder prefix = new StringBuilder("case " + n + ".tier");
        for (ReminderType type : ReminderType.values()) {
            String[] around = type.subjectPrefixPattern().split("%d", -1);
            prefix.append(" when '").append(type.name()).append("' then ").append(quoted(around[0]));
            if (around.length == 2) {
                prefix.append(" || cast(-").append(n).append(".days_before as varchar(12)) || ").append(quoted(around[1]));
            }
        }
        prefix.append(" end");
        String date = dates.longDate(n + ".expiration_date");
        String policy = n + ".line || ' policy' || coalesce(' ' || nullif(" + n + ".policy_number, ''), '') || ' of ' || "
                + n + ".sub_name || ' (' || " + n + ".project_name || ')'";
        String when = "case when " + n + ".days_before > 0 then ' expires on ' || " + date + " when " + n
                + ".days_before = 0 then ' expires today' else ' expired on ' || " + date + " end";
        return "left(" + prefix + " || ' ' || " + policy + " || " + when + ", " + SUBJECT_MAX + ")";
    }

    /**
     * The addresses, comma-separated, each once, in the order broker, assigned admin, global admin, sub, then the
     * organization's extra recipients (an address that is also an extra recipient is listed among those).
     */
    static String sentTo(String n) {
        List<String> earlier = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        String extras = "',' || " + n + ".extra_recipients || ','";
        for (String column : List.of("broker_email", "admin_email", "global_admin", "sub_email")) {
            String address = n + "." + column;
            StringBuilder keep = new StringBuilder("case when " + address + " <> ''");
            if (!earlier.isEmpty()) {
                keep.append(" and ").append(address).append(" not in (").append(String.join(", ", earlier)).append(")");
            }
            keep.append(" and position(',' || ").append(address).append(" || ',' in ").append(extras)
                    .append(") = 0 then ").append(address).append(" end");
            kept.add(keep.toString());
            earlier.add(address);
        }
        kept.add("nullif(" + n + ".extra_recipients, '')");
        return "concat_ws(',', " + String.join(", ", kept) + ")";
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
