package app.covenant.reminders;

import java.util.Map;

/** Counts of an organization's reminders: per type, and acknowledged or still pending. */
public record ReminderStats(long total, Map<ReminderType, Long> byType, long acknowledged, long pending) {
}
