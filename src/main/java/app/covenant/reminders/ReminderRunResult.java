package app.covenant.reminders;

/** What one run did: policies in the window it looked at, reminders recorded, digest e-mails queued. */
public record ReminderRunResult(long policiesChecked, int remindersSent, int emailsQueued, long durationMs) {
}
