package app.covenant.reminders.internal;

import app.covenant.reminders.ReminderType;
import java.util.UUID;

/**
 * One reminder of one recipient's digest: {@code total} is how many reminders the digest counts, the line is one
 * of the first {@value Digests#DIGEST_ITEMS} it lists (most urgent first).
 */
public record DigestLine(UUID organizationId, String recipient, long total, UUID reminderId, UUID coiId,
                         int daysBeforeExpiry, ReminderType type, String subject) {

    boolean sameDigest(DigestLine other) {
        return other != null && organizationId.equals(other.organizationId) && recipient.equals(other.recipient);
    }
}
