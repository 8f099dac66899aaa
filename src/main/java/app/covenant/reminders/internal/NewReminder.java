package app.covenant.reminders.internal;

import app.covenant.reminders.ReminderType;
import java.time.LocalDate;
import java.util.UUID;

/** A reminder this run recorded, with what the digest says about it and whom it goes to. */
public record NewReminder(UUID id, UUID organizationId, UUID coiId, String line, String policyNumber,
                          LocalDate expirationDate, int daysBeforeExpiry, ReminderType type, String projectName,
                          String subName, String brokerEmail, String adminEmail, String subEmail) {
}
