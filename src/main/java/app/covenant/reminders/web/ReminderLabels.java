package app.covenant.reminders.web;

import app.covenant.reminders.ReminderType;
import org.springframework.stereotype.Component;

/** How the pages say a reminder's type and its distance to the expiration date ({@code @reminderLabels}). */
@Component("reminderLabels")
public class ReminderLabels {

    public String label(ReminderType type) {
        return switch (type) {
            case DAYS_30 -> "30 days before";
            case DAYS_14 -> "14 days before";
            case DAYS_7 -> "7 days before";
            case DAYS_2 -> "2 days before";
            case EXPIRED -> "Expired";
            case EVERY_2_DAYS -> "Overdue";
        };
    }

    /** "expires in 7 days", "expires today", "overdue by 4 days". */
    public String days(int daysBeforeExpiry) {
        if (daysBeforeExpiry == 0) {
            return "expires today";
        }
        int n = Math.abs(daysBeforeExpiry);
        String amount = n + (n == 1 ? " day" : " days");
        return daysBeforeExpiry > 0 ? "expires in " + amount : "overdue by " + amount;
    }
}
