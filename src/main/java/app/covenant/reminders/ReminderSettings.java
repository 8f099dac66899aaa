package app.covenant.reminders;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An organization's reminder settings: on or off, the types switched off, extra addresses added to every digest.
 * {@code updatedAt}/{@code updatedBy} are null while the organization keeps the defaults.
 */
public record ReminderSettings(boolean enabled, Set<ReminderType> disabledTypes, List<String> extraRecipients,
                               Instant updatedAt, UUID updatedBy) {

    public ReminderSettings {
        disabledTypes = Set.copyOf(disabledTypes);
        extraRecipients = List.copyOf(extraRecipients);
    }

    public static ReminderSettings defaults() {
        return new ReminderSettings(true, Set.of(), List.of(), null, null);
    }
}
