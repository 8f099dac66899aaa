package app.covenant.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One reminder as API.md's {@code ExpirationReminder}: {@code policyType} is the policy line, {@code sentTo} the
 * deduplicated lower-case addresses it went to, {@code daysBeforeExpiry} negative when overdue.
 */
public record ExpirationReminder(UUID id, UUID coiId, String policyType, LocalDate expirationDate,
                                 int daysBeforeExpiry, ReminderType reminderType, Instant sentAt, List<String> sentTo,
                                 String emailSubject, boolean acknowledged, Instant acknowledgedAt,
                                 UUID acknowledgedBy) {
}
